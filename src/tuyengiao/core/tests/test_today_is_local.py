""" "Today" is the day in Hồ Chí Minh City (settings.TIME_ZONE), not the server's: a server on
UTC would turn the date at 07:00 local time. Every "today" in src goes through
`timezone.localdate()`."""

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2]
SERVER_TODAY = re.compile(r"\bdate\.today\(\)|\bdatetime\.now\(\)(?!\.astimezone)")


def test_no_module_takes_the_servers_date_for_today():
    found = [
        f"{path.relative_to(SRC)}:{number}: {line.strip()}"
        for path in SRC.rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SERVER_TODAY.search(line)
    ]
    assert found == []
