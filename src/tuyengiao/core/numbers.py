"""Reading a number typed the Vietnamese way, one rule for every form, grid and import.

The rule (ADR 0014):
- "." groups thousands and must stand before groups of exactly three digits: 1.250 and
  12.500.000 are integers; "2.5" or "1.25" are refused (they read as English decimals).
- Spaces may group thousands instead of dots: "12 500" is 12.500.
- "," marks the decimal part, once: 27,5 and 1.234,5.
- An integer field refuses any decimal part, even "1,250" (in Vietnamese one point two
  five): the message says what was understood and how to write one thousand two hundred
  and fifty, so that nothing is ever silently read as something else.
- A number coming from a spreadsheet cell as a number (not text) is taken as it is.

`read(raw, integer=...)` returns a Decimal or raises ValueError whose text explains why,
ready to follow «field»: «value» — in a message.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django.utils.text import capfirst

from . import text

_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")
_PLAIN = re.compile(r"^\d+$")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")

EXAMPLE = "1.250 (một nghìn hai trăm năm mươi) hoặc 27,5 (hai mươi bảy phẩy năm)"


def read(raw, *, integer: bool = False, percent: bool = False) -> Decimal:
    """'1.250' → 1250, '27,5' → 27.5, '12 500' → 12500, '-3' → -3. Raises ValueError."""
    if isinstance(raw, bool):
        raise ValueError("không phải là số")
    if isinstance(raw, (int, float, Decimal)):
        number = text.to_decimal(raw)
        if not number.is_finite():
            raise ValueError("không phải là số")
        if integer and number != number.to_integral_value():
            raise ValueError(
                f"được hiểu là {text.format_number(number.normalize())} — "
                "trường này chỉ nhận số nguyên"
            )
        return number
    value = str(raw).strip()
    if percent and value.endswith("%"):
        value = value[:-1].rstrip()
    sign = ""
    if value[:1] in "-+−" and value:
        sign, value = ("-" if value[0] != "+" else ""), value[1:].lstrip()
    if "." not in value and _SPACES.search(value):
        value = _SPACES.sub(".", value)  # 12 500 is written 12.500
    whole, comma, fraction = value.partition(",")
    if not whole or not (_PLAIN.match(whole) or _GROUPED.match(whole)):
        if "." in whole and _PLAIN.match(whole.replace(".", "")):
            raise ValueError(
                "dấu chấm chỉ dùng để ngăn hàng nghìn, phần thập phân ghi sau dấu phẩy; "
                f"ví dụ {EXAMPLE}"
            )
        raise ValueError(f"không phải là số; ví dụ {EXAMPLE}")
    if comma and not _PLAIN.match(fraction):
        raise ValueError(f"không phải là số; ví dụ {EXAMPLE}")
    try:
        number = Decimal(sign + whole.replace(".", "") + ("." + fraction if comma else ""))
    except InvalidOperation as exc:  # pragma: no cover - the patterns above rule it out
        raise ValueError("không phải là số") from exc
    if integer and comma:
        understood = text.format_number(number.normalize())
        hint = ""
        if len(fraction) == 3 and "." not in whole:
            thousands = Decimal(sign + whole + fraction)
            hint = (
                f"; nếu ý là {text.format_number(thousands)} (hàng nghìn), "
                f"hãy ghi {text.format_number(thousands)} hoặc {thousands}"
            )
        raise ValueError(
            f"dấu phẩy ngăn phần thập phân nên được hiểu là {understood} — "
            f"trường này chỉ nhận số nguyên{hint}"
        )
    return number


def message(label, raw, reason: str) -> str:
    """«Giá trị đạt được»: «27,5» — dấu phẩy … chỉ nhận số nguyên."""
    return f"«{capfirst(label)}»: «{raw}» — {reason}."
