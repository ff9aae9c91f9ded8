"""Compile every app's .po into .mo with polib, so no GNU gettext is needed to install.

python -m tuyengiao.core.i18n          # compile
python -m tuyengiao.core.i18n --check  # fail on untranslated or fuzzy entries
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]


def catalogs():
    return sorted(ROOT.glob("*/locale/*/LC_MESSAGES/django.po"))


def problems(po_path: Path) -> list[str]:
    found = []
    for entry in polib.pofile(str(po_path)):
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            found.append(f"{po_path}: fuzzy: {entry.msgid!r}")
        elif not entry.translated():
            found.append(f"{po_path}: untranslated: {entry.msgid!r}")
    return found


def conflicts() -> list[str]:
    """Msgids translated differently by two apps: Django merges every catalog and the app
    listed first in INSTALLED_APPS wins, so the other app would silently show the wrong word."""
    seen: dict[tuple, dict[str, str]] = {}
    for po_path in catalogs():
        app = po_path.parts[-5]
        for entry in polib.pofile(str(po_path)):
            if entry.obsolete or entry.msgid_plural:
                continue
            seen.setdefault((entry.msgctxt, entry.msgid), {})[app] = entry.msgstr
    return [
        f"{msgid!r} (context {context!r}) is translated differently: {by_app}"
        for (context, msgid), by_app in seen.items()
        if len(set(by_app.values())) > 1
    ]


def compile_all() -> int:
    for po_path in catalogs():
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
    return len(catalogs())


if __name__ == "__main__":
    if "--check" in sys.argv:
        issues = [p for path in catalogs() for p in problems(path)] + conflicts()
        print("\n".join(issues) or f"{len(catalogs())} catalogs complete")
        sys.exit(1 if issues else 0)
    print(f"compiled {compile_all()} catalogs")
