"""The figure checker: does the arithmetic in a report's prose add up?

    >>> [c.verdict for c in check_text("2.249/2.257 giáo viên, đạt tỷ lệ 99,64%")]
    ['rounding']

Claims are found by claims.py; here each gets a verdict:
- ``ok``: the figures agree (a percentage rounded half-up at its own number of decimals);
- ``rounding``: the percentage was truncated (99,648 → 99,64) instead of rounded; the
  seed article does this, so it is flagged apart from real mistakes;
- ``wrong``: the figures contradict each other; ``expected`` holds the right value when
  there is one.

Pure Python (no Django), so that the report builder, a management command and the upload
view can all call it.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal, localcontext
from pathlib import Path

from tuyengiao.core.text import format_number

from .claims import RATIO, SHARE, SUM, Claim, find_claims, numbers_in_text

__all__ = [
    "Claim",
    "check_claim",
    "check_text",
    "find_claims",
    "numbers_in_text",
    "read_text",
    "report_json",
]

OK, ROUNDING, WRONG = "ok", "rounding", "wrong"


def _percent(part: Decimal, whole: Decimal, places: int) -> tuple[Decimal, Decimal]:
    """part ÷ whole × 100 at `places` decimals: (rounded half-up, truncated), exactly."""
    with localcontext() as ctx:
        ctx.prec = 100  # integer division must be exact, whatever the size of the figures
        quotient, remainder = divmod(part * 100 * Decimal(10) ** places, whole)
        rounded = quotient + 1 if remainder * 2 >= whole else quotient
        return rounded.scaleb(-places), quotient.scaleb(-places)


def _fmt(value) -> str:
    return format_number(Decimal(value))


def _check_percent(part, whole, p: Decimal, label: str) -> tuple[str, str | None, str]:
    if whole == 0:
        return WRONG, None, f"Không tính được tỷ lệ {label}: mẫu số bằng 0."
    places = max(0, -p.as_tuple().exponent)
    rounded, truncated = _percent(Decimal(part), Decimal(whole), places)
    right = format_number(rounded, places) + "%"
    written = _fmt(p) + "%"
    if p == rounded:
        return OK, None, f"Khớp: {label} = {right}."
    if p == truncated:
        return (
            ROUNDING,
            right,
            f"{written} là giá trị làm tròn xuống (cắt bớt); làm tròn thông thường sẽ là "
            f"{right} ({label}).",
        )
    return WRONG, right, f"Sai tỷ lệ: {label} = {right}, văn bản ghi {written}."


def _check_ratio(values: dict) -> tuple[str, str | None, str]:
    numbers = [values[key] for key in "abc" if key in values]
    shown = "/".join(_fmt(n) for n in numbers)
    for smaller, larger in zip(numbers, numbers[1:], strict=False):
        if smaller > larger:
            return (
                WRONG,
                None,
                f"Số liệu mâu thuẫn trong {shown}: {_fmt(smaller)} lớn hơn {_fmt(larger)}.",
            )
    if "p" in values:
        label = f"{_fmt(values['a'])}/{_fmt(values['b'])}"
        return _check_percent(values["a"], values["b"], values["p"], label)
    return OK, None, f"Hợp lệ: trong {shown}, số trước không vượt quá số sau."


def _check_sum(values: dict) -> tuple[str, str | None, str]:
    total = sum((Decimal(part) for part in values["parts"]), Decimal(0))
    shown = " + ".join(_fmt(part) for part in values["parts"])
    if total == values["total"]:
        return OK, None, f"Khớp: {shown} = {_fmt(total)}."
    return (
        WRONG,
        _fmt(total),
        f"Sai tổng: {shown} = {_fmt(total)}, văn bản ghi tổng số {_fmt(values['total'])}.",
    )


def _check_share(values: dict) -> tuple[str, str | None, str]:
    part, whole = values["part"], values["total"]
    if part > whole:
        return WRONG, None, f"Số liệu mâu thuẫn: phần {_fmt(part)} lớn hơn tổng số {_fmt(whole)}."
    return _check_percent(part, whole, values["p"], f"{_fmt(part)}/{_fmt(whole)}")


_CHECKS = {RATIO: _check_ratio, SUM: _check_sum, SHARE: _check_share}


def check_claim(claim: Claim) -> Claim:
    """Fill in the claim's verdict, expected value and message (in place) and return it."""
    claim.verdict, claim.expected, claim.message = _CHECKS[claim.kind](claim.values)
    return claim


def check_text(text: str) -> list[Claim]:
    return [check_claim(claim) for claim in find_claims(text)]


def report_json(claims: list[Claim]) -> dict:
    return {
        "claims": [claim.as_json() for claim in claims],
        "wrong": sum(1 for claim in claims if claim.verdict == WRONG),
    }


def read_text(path) -> str:
    """The text of a .txt (UTF-8) or .docx file: paragraphs and table cells, in order.

    Raises ValueError with a message for the user when the file cannot be read.
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


def _collect(container, lines: list[str]) -> None:
    from docx.table import Table

    for block in container.iter_inner_content():
        if not isinstance(block, Table):
            lines.append(block.text)
            continue
        for row in block.rows:
            seen = set()
            for cell in row.cells:
                if cell._tc in seen:  # a merged cell repeats across the columns it spans
                    continue
                seen.add(cell._tc)
                _collect(cell, lines)
