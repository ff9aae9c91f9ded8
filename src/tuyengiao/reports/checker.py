"""The figure checker: does the arithmetic in a report's prose and tables add up?

    >>> [c.verdict for c in check_text("2.249/2.257 giáo viên, đạt tỷ lệ 99,64%")]
    ['rounding']

Claims are found by claims.py (prose) and tables.py (table rows); here each gets a verdict:
- ``ok``: recomputed and the figures agree (a percentage rounded half-up at its own number
  of decimals, or the way its indicator says when the database tells);
- ``rounding``: the percentage was truncated (99,648 → 99,64) where rounding half-up was
  expected, or the other way round when the indicator's rule is known;
- ``wrong``: the figures contradict each other; ``expected`` holds the right value;
- ``format``: recomputed and right, but written against Vietnamese convention (95.00%);
- ``unchecked``: nothing to recompute it from (a ratio without its rate, a rate without its
  ratio, a share without its total). Never called ok.

Each message says in Vietnamese what was computed and how:
"6.513 ÷ 6.970 = 93,4433…% → 93,44% (làm tròn thông thường)".

Pure Python (no Django), so that the report builder, a management command and the upload
view can all call it.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal, localcontext
from pathlib import Path

from tuyengiao.core.text import format_number

from .claims import (
    COMPLETENESS,
    GROWTH,
    RATE,
    RATIO,
    SHARE,
    SUM,
    Claim,
    find_claims,
    numbers_in_text,
)

__all__ = [
    "Claim",
    "check_claim",
    "check_text",
    "find_claims",
    "numbers_in_text",
    "read_text",
    "report_json",
]

OK, ROUNDING, WRONG, FORMAT, UNCHECKED = "ok", "rounding", "wrong", "format", "unchecked"
VERDICTS = (OK, ROUNDING, FORMAT, UNCHECKED, WRONG)
HALF_UP, TRUNCATE = "half_up", "truncate"
RULE_WORDS = {HALF_UP: "làm tròn thông thường", TRUNCATE: "cắt bớt, làm tròn xuống"}


def _divide(part: Decimal, whole: Decimal, places: int) -> tuple[Decimal, Decimal, bool]:
    """part ÷ whole at `places` decimals, exactly: (rounded half-up, truncated, exact?)."""
    with localcontext() as ctx:
        ctx.prec = 100  # integer division must be exact, whatever the size of the figures
        quotient, remainder = divmod(part * Decimal(10) ** places, whole)
        rounded = quotient + 1 if remainder * 2 >= whole else quotient
        return rounded.scaleb(-places), quotient.scaleb(-places), remainder == 0


def _fmt(value) -> str:
    return format_number(Decimal(value))


def _pct(value: Decimal, places: int) -> str:
    return format_number(value, places) + "%"


def _exact(part: Decimal, whole: Decimal, factor: int = 100) -> str:
    """ "93,4433…%": four decimals, with an ellipsis when the quotient goes on."""
    _, truncated, exact = _divide(Decimal(part) * factor, Decimal(whole), 4)
    if exact:
        return format_number(truncated.normalize() if truncated else Decimal(0)) + "%"
    return format_number(truncated, 4) + "…%"


def _places(p: Decimal) -> int:
    return max(0, -p.as_tuple().exponent)


def _check_percent(
    part, whole, p: Decimal, rule: str = "", sign: str = "÷", base_text: str = ""
) -> tuple[str, str | None, str]:
    """Is p the percentage part/whole × 100 at p's own decimals? Explains the computation."""
    part, whole = Decimal(part), Decimal(whole)
    computation = base_text or f"{_fmt(part)} {sign} {_fmt(whole)}"
    if whole == 0:
        return WRONG, None, f"Không tính được tỷ lệ {computation}: mẫu số bằng 0."
    places = _places(p)
    rounded, truncated, _ = _divide(part * 100, whole, places)
    exact = _exact(part, whole)
    written = _pct(p, places)
    expected_rule = rule or HALF_UP
    right = truncated if expected_rule == TRUNCATE else rounded
    shown = f"{computation} = {exact} → {_pct(right, places)} ({RULE_WORDS[expected_rule]}"
    shown += ", theo quy tắc của chỉ tiêu)" if rule else ")"
    if p == right:
        return OK, None, f"Đúng: {shown}; văn bản ghi {written}."
    if p in (rounded, truncated):
        other = TRUNCATE if p == truncated else HALF_UP
        why = f"văn bản ghi {written} là giá trị {RULE_WORDS[other]}" + (
            " — khác quy tắc của chỉ tiêu." if rule else "."
        )
        return ROUNDING, _pct(right, places), f"Làm tròn: {shown}; {why}"
    return WRONG, _pct(right, places), f"Sai tỷ lệ: {shown}, văn bản ghi {written}."


def _check_ratio(values: dict, rule: str) -> tuple[str, str | None, str]:
    numbers = [values[key] for key in "abc" if key in values]
    shown = "/".join(_fmt(n) for n in numbers)
    for smaller, larger in zip(numbers, numbers[1:], strict=False):
        if smaller > larger and not values.get("target"):  # a target may be exceeded
            return (
                WRONG,
                None,
                f"Số liệu mâu thuẫn trong {shown}: {_fmt(smaller)} lớn hơn {_fmt(larger)}.",
            )
    if "p" in values:
        return _check_percent(values["a"], values["b"], values["p"], rule)
    if len(numbers) >= 2 and numbers[0] == numbers[1]:
        return OK, None, f"Đủ: {shown} — toàn bộ {_fmt(numbers[1])} đều thực hiện (100%)."
    return (
        UNCHECKED,
        None,
        f"Chưa kiểm tra được: {shown} không kèm tỷ lệ để tính lại (chỉ thấy "
        f"{_fmt(numbers[0])} không vượt quá {_fmt(numbers[1])}).",
    )


def _check_sum(values: dict, rule: str) -> tuple[str, str | None, str]:
    total = sum((Decimal(part) for part in values["parts"]), Decimal(0))
    shown = " + ".join(_fmt(part) for part in values["parts"])
    if total == values["total"]:
        return OK, None, f"Đúng: {shown} = {_fmt(total)}; văn bản ghi tổng {_fmt(total)}."
    if values.get("open"):
        return (
            UNCHECKED,
            None,
            f"Chưa kiểm tra được: {shown} = {_fmt(total)}, khác tổng số "
            f"{_fmt(values['total'])}; câu có thể chỉ nêu một số thành phần, hoặc các nhóm "
            "có thể trùng nhau.",
        )
    return (
        WRONG,
        _fmt(total),
        f"Sai tổng: {shown} = {_fmt(total)}, văn bản ghi tổng số {_fmt(values['total'])}.",
    )


def _check_share(values: dict, rule: str) -> tuple[str, str | None, str]:
    part, p = values["part"], values["p"]
    if "total" not in values:
        return (
            UNCHECKED,
            None,
            f"Chưa kiểm tra được: không tìm thấy tổng số mà {_fmt(part)} chiếm "
            f"{_pct(p, _places(p))}.",
        )
    whole = values["total"]
    if values.get("implied"):
        verdict, expected, message = _check_percent(part, whole, values["p"], rule)
        return (
            verdict,
            expected,
            message.replace(
                f"{_fmt(part)} ÷ {_fmt(whole)}",
                f"{_fmt(part)} ÷ {_fmt(whole)} (tổng các phần được nêu)",
                1,
            ),
        )
    if part > whole:
        return WRONG, None, f"Số liệu mâu thuẫn: phần {_fmt(part)} lớn hơn tổng số {_fmt(whole)}."
    return _check_percent(part, whole, p, rule)


def _check_growth(values: dict, rule: str) -> tuple[str, str | None, str]:
    change, word = values["change"], values["direction"]
    written = _pct(change, _places(change)) if values["percent"] else _fmt(change)
    if "base" not in values:
        return (
            UNCHECKED,
            None,
            f"Chưa kiểm tra được: không tìm thấy số liệu năm trước để tính lại mức {word} "
            f"{written}.",
        )
    if values.get("times"):
        return (
            UNCHECKED,
            None,
            f"Chưa kiểm tra được: «{word} {written} {values['times']}» không cho biết phép "
            "tính (gấp mấy lần, hay thứ hạng).",
        )
    current, base = Decimal(values["current"]), Decimal(values["base"])
    difference = current - base if word == "tăng" else base - current
    if not values["percent"]:
        shown = (
            f"{_fmt(current)} − {_fmt(base)}"
            if word == "tăng"
            else f"{_fmt(base)} − {_fmt(current)}"
        )
        if difference == change:
            return OK, None, f"Đúng: {shown} = {_fmt(difference)}; văn bản ghi {word} {written}."
        return (
            WRONG,
            _fmt(difference),
            f"Sai mức {word}: {shown} = {_fmt(difference)}, văn bản ghi {word} {written}.",
        )
    if difference < 0:
        other = "giảm" if word == "tăng" else "tăng"
        return (
            WRONG,
            None,
            f"Sai chiều: từ {_fmt(base)} đến {_fmt(current)} là {other}, văn bản ghi {word}.",
        )
    text = f"({_fmt(current)} − {_fmt(base)}) ÷ {_fmt(base)}"
    if word == "giảm":
        text = f"({_fmt(base)} − {_fmt(current)}) ÷ {_fmt(base)}"
    verdict, expected, message = _check_percent(difference, base, change, rule, base_text=text)
    return verdict, expected, message.replace("Sai tỷ lệ:", f"Sai mức {word}:", 1)


def _check_rate(values: dict, rule: str) -> tuple[str, str | None, str]:
    p = values["p"]
    return (
        UNCHECKED,
        None,
        f"Chưa kiểm tra được: tỷ lệ {_pct(p, _places(p))} không kèm tử số và mẫu số trong câu.",
    )


_CHECKS = {
    RATIO: _check_ratio,
    COMPLETENESS: _check_ratio,
    SUM: _check_sum,
    SHARE: _check_share,
    GROWTH: _check_growth,
    RATE: _check_rate,
}


def check_claim(claim: Claim) -> Claim:
    """Fill in the claim's verdict, expected value and message (in place) and return it."""
    verdict, expected, message = _CHECKS[claim.kind](claim.values, claim.rounding)
    if claim.warnings and verdict in (OK, ROUNDING):
        written = claim.text
        verdict, expected = FORMAT, expected
        message = (
            f"Sai quy ước viết số: «{written}» dùng dấu chấm làm dấu thập phân; tiếng Việt "
            f"dùng dấu phẩy (ví dụ 95,00%). {message}"
        )
    claim.verdict, claim.expected, claim.message = verdict, expected, message
    if claim.where:
        claim.message = f"{claim.where}: {claim.message}"
    return claim


def check_text(text: str, claims: list[Claim] | None = None) -> list[Claim]:
    """Every claim of the prose and of the tables, in reading order, with its verdict.
    `claims` (already found, e.g. given their indicators' rounding rules) are checked as
    they are."""
    if claims is None:
        claims = all_claims(text)
    return [check_claim(claim) for claim in claims]


def all_claims(text: str) -> list[Claim]:
    from .tables import table_claims

    found = find_claims(text) + table_claims(text)
    return sorted(found, key=lambda claim: (claim.start, claim.end))


def counts(claims: list[Claim]) -> dict[str, int]:
    return {verdict: sum(1 for c in claims if c.verdict == verdict) for verdict in VERDICTS}


def report_json(claims: list[Claim]) -> dict:
    return {
        "claims": [claim.as_json() for claim in claims],
        "wrong": sum(1 for claim in claims if claim.verdict == WRONG),
        "counts": counts(claims),
    }


def read_text(path) -> str:
    """The text of a .txt (UTF-8) or .docx file: paragraphs and table rows, in order.

    A table row is one line, its cells separated by tabs, so that the row can be checked
    as a row (tables.py) and each cell's prose on its own. Raises ValueError with a message
    for the user when the file cannot be read.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".txt", ".docx"):
        raise ValueError(
            f"Tệp «{path.name}» không được hỗ trợ: chỉ đọc được tệp .txt (UTF-8) hoặc .docx."
        )
    if not path.is_file():
        raise ValueError(f"Không tìm thấy tệp «{path.name}».")
    if suffix == ".txt":
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValueError(
                f"Tệp «{path.name}» không phải văn bản mã hóa UTF-8; hãy lưu lại với mã UTF-8."
            ) from exc
    else:
        text = _read_docx(path)
    # Word and some editors store Vietnamese letters decomposed; the patterns expect NFC.
    return unicodedata.normalize("NFC", text)


def _read_docx(path: Path) -> str:
    import docx  # imported here: only uploads of Word files need it

    try:
        document = docx.Document(str(path))
        lines: list[str] = []
        _collect(document, lines)
    except Exception as exc:
        # An uploaded file can fail in many ways inside python-docx (not a zip, missing
        # part, bad XML); to the user they all mean the same thing.
        raise ValueError(
            f"Tệp «{path.name}» bị hỏng hoặc không phải tệp Word .docx hợp lệ."
        ) from exc
    return "\n".join(lines)


def _cell_text(cell) -> str:
    return " ".join(" ".join(cell.text.split("\t")).split())


def _collect(container, lines: list[str]) -> None:
    from docx.table import Table

    for block in container.iter_inner_content():
        if not isinstance(block, Table):
            lines.append(block.text.replace("\t", " "))
            continue
        lines.append("")  # a table starts a block of its own
        for row in block.rows:
            seen, cells = set(), []
            for cell in row.cells:
                # a merged cell repeats across the columns it spans: its text once, and empty
                # cells after it, so that every row keeps the header's columns
                cells.append("" if cell._tc in seen else _cell_text(cell))
                seen.add(cell._tc)
            lines.append("\t".join(cells))
        lines.append("")
