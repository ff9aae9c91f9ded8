"""Vietnamese text utilities: number, percent and date formats, rounding, accent folding, sorting.

Every figure shown to a user goes through these functions, so that the web pages, the
Excel exports and the Word report print 6.513, 93,44% and "ngày 10 tháng 02 năm 2023"
the same way.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation

HALF_UP = "half_up"
TRUNCATE = "truncate"
HALF_EVEN = "half_even"  # Python's round(): 12,5 -> 12, 13,5 -> 14 (the progress bars)
ROUNDING_MODES = {HALF_UP: ROUND_HALF_UP, TRUNCATE: ROUND_DOWN, HALF_EVEN: ROUND_HALF_EVEN}


def to_decimal(value) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        # str() first: Decimal(0.1) would carry the binary error into the rounding.
        return Decimal(str(value))
    return Decimal(value)


def round_decimal(value, decimals: int = 0, mode: str = HALF_UP) -> Decimal:
    """Round to `decimals` places; truncate keeps 99,648 as 99,64 (the seed's choice)."""
    try:
        rounding = ROUNDING_MODES[mode]
    except KeyError as exc:
        raise ValueError(f"unknown rounding mode {mode!r}") from exc
    quantum = Decimal(1).scaleb(-decimals)
    return to_decimal(value).quantize(quantum, rounding=rounding)


def rate(numerator, denominator, *, factor=100, decimals=2, mode=TRUNCATE) -> Decimal | None:
    """numerator ÷ denominator × factor, rounded; None when the denominator is zero."""
    denominator = to_decimal(denominator or 0)
    if denominator == 0:
        return None
    return round_decimal(to_decimal(numerator) * to_decimal(factor) / denominator, decimals, mode)


def format_number(value, decimals: int | None = None, mode: str = HALF_UP) -> str:
    """6513 -> '6.513'; Decimal('93.44') -> '93,44'. None -> '—'.

    With decimals=None the value keeps its own places (an integer prints without any).
    """
    if value is None or value == "":
        return "—"
    try:
        number = to_decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
    if decimals is not None:
        number = round_decimal(number, decimals, mode)
    sign = "-" if number < 0 else ""
    text = f"{abs(number):f}"
    whole, _, fraction = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = sign + ".".join(groups)
    if fraction:
        result += "," + fraction
    return result


def format_percent(value, decimals: int | None = None, mode: str = HALF_UP) -> str:
    if value is None:
        return "—"
    return format_number(value, decimals, mode) + "%"


def parse_number(text: str) -> Decimal:
    """'6.513' -> 6513, '93,44' -> 93.44, '1.234,5' -> 1234.5. Raises ValueError."""
    cleaned = str(text).strip().replace("\u00a0", "").replace(" ", "")
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1]
    cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        return Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(f"«{text}» không phải là số") from exc


def format_date(value: dt.date | None) -> str:
    """10/02/2023."""
    if value is None:
        return "—"
    return value.strftime("%d/%m/%Y")


def format_date_long(value: dt.date, place: str | None = None) -> str:
    """'ngày 10 tháng 02 năm 2023', as in the place-and-date line of a Party document.

    Days and months below 10 take a leading zero (HD 36-HD/VPTW writes 'ngày 05 tháng 02').
    """
    text = f"ngày {value.day:02d} tháng {value.month:02d} năm {value.year}"
    return f"{place}, {text}" if place else text


# Combining marks that change the letter (ă â ê ô ơ ư) versus the five tones.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
_TONE_ORDER = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_ALPHABET = [
    "a",
    "ă",
    "â",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "ê",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "ô",
    "ơ",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "ư",
    "v",
    "w",
    "x",
    "y",
    "z",
]
_RANK = {letter: 20 + index for index, letter in enumerate(_ALPHABET)}


def fold(text: str | None) -> str:
    """Lower-case, accents removed, đ→d: 'Bến Nghé' and 'BEN NGHE' both give 'ben nghe'."""
    if not text:
        return ""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


_WORD_EDGES = ",.;:!?()[]«»\"“”'"


def search_words(query: str | None) -> list[str]:
    """'Tuyên truyền  biển, đảo' -> ['tuyen', 'truyen', 'bien', 'dao']: the folded words a
    search must all find, in any order. Inner punctuation stays (05-KH/QU is one word)."""
    words = (w.strip(_WORD_EDGES) for w in fold(query).replace("\x00", "").split())
    return [w for w in words if w][:12]  # twelve words are plenty; more only cost queries


def matches_words(query: str | None, text: str | None) -> bool:
    """The same rule in Python, for lists that are not querysets."""
    haystack = fold(text)
    return all(word in haystack for word in search_words(query))


def _split_letter(ch: str) -> tuple[str, str]:
    """'ế' -> ('ê', acute): the base letter with its letter marks, and its tone."""
    decomposed = unicodedata.normalize("NFD", ch)
    base = decomposed[0]
    letter_marks = "".join(m for m in decomposed[1:] if m in _LETTER_MARKS)
    tone = next((m for m in decomposed[1:] if m in _TONE_ORDER), "")
    return unicodedata.normalize("NFC", base + letter_marks), tone


def sort_key(text: str | None) -> str:
    """A key whose plain string order is Vietnamese dictionary order.

    Letters first (a < ă < â < b … d < đ), tones only to break ties (ngang < huyền < hỏi <
    ngã < sắc < nặng). Encoded as digits so that any database collation, SQLite's binary
    one included, sorts the stored key correctly.
    """
    primary: list[str] = []
    tones: list[str] = []
    for ch in unicodedata.normalize("NFC", text or "").lower():
        if ch.isspace():
            primary.append("01")
            continue
        if ch.isdigit():
            primary.append(f"{2 + int(ch):02d}")
            continue
        letter, tone = _split_letter(ch)
        if letter in _RANK:
            primary.append(f"{_RANK[letter]:02d}")
            tones.append(str(_TONE_ORDER[tone]))
        elif ch.isalpha():
            primary.append("99")
        # punctuation is ignored, as in a dictionary
    return "".join(primary) + "00" + "".join(tones)


def vi_sorted(items, key=lambda item: item):
    return sorted(items, key=lambda item: sort_key(key(item)))
