"""Finding numeric claims in Vietnamese prose: ratios, sums and shares.

Numbers are written the Vietnamese way (6.513 thousands, 93,44 decimals). The hard part is
what *not* to read as a figure: dates (10/2/2023), Party document numbers (05-KH/QU,
05 – ĐA/TU, 15/2020/NĐ-CP), years and school years (2022-2023, 2022/2023), names that carry
a number (Quận 1, Ban Chỉ đạo 35) and codes (0903.123.456, 5G). The checker (checker.py)
gives each claim its verdict; this module only finds them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

RATIO, SUM, SHARE = "ratio", "sum", "share"

# Token kinds. Only NUMBER, PERCENT and RATIO are figures; the rest are read so that they
# are *not* mistaken for figures.
NUMBER, PERCENT, DATE, YEAR, DOCNO, LABEL, JUNK = (
    "number", "percent", "date", "year", "docno", "label", "junk"
)  # fmt: skip
FIGURES = {NUMBER, PERCENT, RATIO}

_RAW = re.compile(r"(?<![\w.,/])\d(?:[\d.,/]*\d)?")
_VN_NUMBER = re.compile(r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?")
_LETTER = r"[^\W\d_]"
_CODE_BEFORE = re.compile(_LETTER + r"[-–]$")  # QĐ-123, COVID-19
_DOC_AFTER = re.compile(r"\s*[-–]\s*(" + _LETTER + r")|/\s*" + _LETTER)  # 05-KH/QU, 15/2020/NĐ
_PERCENT_AFTER = re.compile(r"[ \u00a0]?%")
_LABEL_BEFORE = re.compile(
    r"\b(?:quận|phường|xã|huyện|thị\s+xã|khu\s+phố|khu\s+vực|tổ|ấp|khóm|thôn|ban\s+chỉ\s+đạo"
    r"|khóa|khoá|thứ|trung\s+ương|đề\s+án|kế\s+hoạch|nghị\s+quyết|chỉ\s+thị|kết\s+luận"
    r"|quy\s+định|nghị\s+định|thông\s+tư|quyết\s+định|công\s+văn|hướng\s+dẫn|thông\s+báo"
    r"|chương\s+trình|tờ\s+trình|luật|điều|khoản|chương|mục|phụ\s+lục|lớp|khối|phòng|tầng"
    r"|đường|hẻm|kỳ|đợt|quý|tuần|mã)(?:\s+số)?\s*$",
    re.IGNORECASE,
)
_DATE_BEFORE = re.compile(
    r"\b(?:ngày|mùng|mồng|sáng|chiều|tối|trưa|đêm|hôm|từ|đến|tới|trước|sau|đầu|cuối|giữa"
    r"|tháng|thứ\s+\w+|chủ\s+nhật)\s*,?\s*$",
    re.IGNORECASE,
)
_DAY_PART_BEFORE = re.compile(r"\b(?:ngày|mùng|mồng|tháng)\s*$", re.IGNORECASE)
_DATE_JOIN = re.compile(r"^\s*(?:,|và|-|–|đến|tới)\s*$", re.IGNORECASE)

_SENTENCE_END = re.compile(r"[!?\n\t…]|\.(?=[\s\"”’)]|$)")
_CLAUSE_END = re.compile(r"[;!?\n\t…]|\.(?=[\s\"”’)]|$)")
_RATIO_PERCENT_INTRO = re.compile(
    r"(?:\bđạt(?:\s+t[ỷỉ]\s+lệ)?|\bt[ỷỉ]\s+lệ(?:\s+đạt)?|\()(?:\s+là)?\s*$", re.IGNORECASE
)
_SHARE = re.compile(r"\bchiếm(?:\s+t[ỷỉ]\s+lệ)?(?:\s+là)?\s*", re.IGNORECASE)
_MARKER = re.compile(r"\b(?:trong\s+đó(?:\s+có)?|bao\s+gồm|gồm(?:\s+có)?)\b", re.IGNORECASE)
_AND = re.compile(r"\bvà\b", re.IGNORECASE)
_TOTAL_GAP = 80  # chars between a total and its "trong đó": further is another topic


@dataclass
class Token:
    kind: str
    start: int
    end: int
    raw: str
    parts: list[Decimal] = field(default_factory=list)

    @property
    def value(self) -> Decimal:
        return self.parts[0]


@dataclass
class Claim:
    kind: str  # "ratio" | "sum" | "share"
    text: str
    start: int
    end: int
    values: dict
    verdict: str = ""  # "ok" | "rounding" | "wrong"; empty until checked
    expected: str | None = None
    message: str = ""

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "values": {key: _json_number(value) for key, value in self.values.items()},
            "verdict": self.verdict,
            "expected": self.expected,
            "message": self.message,
        }


def _json_number(value):
    if isinstance(value, list):
        return [_json_number(item) for item in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _parse(raw: str) -> Decimal | None:
    if not _VN_NUMBER.fullmatch(raw):
        return None
    return Decimal(raw.replace(".", "").replace(",", "."))


def _plain(raw: str) -> int | Decimal:
    """The value as written: an int unless it has a decimal comma."""
    value = Decimal(raw.replace(".", "").replace(",", "."))
    return value if "," in raw else int(value)


def _is_year(raw: str) -> bool:
    # Quantities in formal Vietnamese carry a thousands dot (2.022); a bare 4-digit 19xx/20xx
    # is a year.
    return len(raw) == 4 and raw.isdigit() and 1900 <= int(raw) <= 2099


def _leading_zero(raw: str) -> bool:
    return len(raw) > 1 and raw[0] == "0" and raw[1].isdigit()


def _day_month(raws: list[str]) -> bool:
    if not all(raw.isdigit() for raw in raws[:2]):
        return False
    day, month = int(raws[0]), int(raws[1])
    return 1 <= day <= 31 and 1 <= month <= 12


def _classify(text: str, start: int, end: int, raw: str, previous: Token | None) -> Token:
    raws = raw.split("/")
    parts = [_parse(part) for part in raws]
    before, after = text[max(0, start - 40) : start], text[end : end + 12]
    token = Token(JUNK, start, end, raw, [p for p in parts if p is not None])
    if None in parts or len(raws) > 3 or re.match(_LETTER, after) or _CODE_BEFORE.search(before):
        return token  # 1.2.3, 0903.123.456, 5G, COVID-19
    doc = _DOC_AFTER.match(after)
    if doc and (doc.group(1) is None or doc.group(1).isupper()):
        token.kind = DOCNO
        return token
    if len(raws) == 1:
        percent = _PERCENT_AFTER.match(after)
        if percent:
            token.kind, token.end = PERCENT, end + percent.end()
            token.raw = text[start : token.end]
        elif _is_year(raw):
            token.kind = YEAR
        elif _leading_zero(raw) or (raw.isdigit() and len(raw) >= 7):
            token.kind = JUNK  # codes, phone numbers, identifiers
        elif _LABEL_BEFORE.search(before):
            token.kind = LABEL  # Quận 1, Ban Chỉ đạo 35, Kế hoạch số 5
        elif _DAY_PART_BEFORE.search(before):
            token.kind = DATE  # ngày 10 tháng 2
        else:
            token.kind = NUMBER
        return token
    token.kind = _classify_slashed(
        raws, before, previous, text[previous.end : start] if previous else ""
    )
    return token


def _classify_slashed(raws: list[str], before: str, previous: Token | None, gap: str) -> str:
    if _LABEL_BEFORE.search(before):
        return DOCNO  # Quyết định 1234/2020
    if len(raws) == 3:
        return DATE if _is_year(raws[2]) else RATIO
    if _is_year(raws[0]) and _is_year(raws[1]):
        return YEAR  # năm học 2022/2023
    if _is_year(raws[1]) and raws[0].isdigit() and 1 <= int(raws[0]) <= 12:
        return DATE  # tháng 2/2023
    if any(_leading_zero(raw) for raw in raws):
        return DATE if _day_month(raws) else JUNK
    if _day_month(raws):
        after_date = previous is not None and previous.kind == DATE and _DATE_JOIN.match(gap)
        # A ratio never has its first part larger; a day/month may.
        if _DATE_BEFORE.search(before) or after_date or int(raws[0]) > int(raws[1]):
            return DATE
    return RATIO


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    for match in _RAW.finditer(text):
        previous = tokens[-1] if tokens else None
        tokens.append(_classify(text, match.start(), match.end(), match.group(), previous))
    return tokens


def numbers_in_text(text: str) -> list[tuple[int, int, Decimal, str]]:
    """Every figure a reader could check against the database: (start, end, value, raw).

    Ratios give one entry per part; percentages keep their "%" in `raw`, so that
    `raw == text[start:end]`. Dates, years, document numbers, names such as "Quận 1"
    and codes are left out.
    """
    found = []
    for token in tokenize(text):
        if token.kind in (NUMBER, PERCENT):
            found.append((token.start, token.end, token.value, token.raw))
        elif token.kind == RATIO:
            offset = token.start
            for raw, value in zip(token.raw.split("/"), token.parts, strict=True):
                found.append((offset, offset + len(raw), value, raw))
                offset += len(raw) + 1
    return found


def _crosses(pattern: re.Pattern, text: str, start: int, end: int) -> bool:
    return pattern.search(text, start, end) is not None


def _ratio_claims(text: str, tokens: list[Token]) -> list[Claim]:
    claims = []
    for index, token in enumerate(tokens):
        if token.kind != RATIO:
            continue
        raws = token.raw.split("/")
        values = dict(zip("abc", (_plain(raw) for raw in raws), strict=False))
        end = token.end
        # The percentage is the next figure in the same clause, introduced by "đạt (tỷ lệ)"
        # or "(": "51/51 tổ chức … đạt 100%". Another figure in between owns it instead.
        following = next((t for t in tokens[index + 1 :] if t.kind in FIGURES), None)
        if (
            following is not None
            and following.kind == PERCENT
            and not _crosses(_CLAUSE_END, text, token.end, following.start)
            and _RATIO_PERCENT_INTRO.search(text, token.end, following.start)
        ):
            values["p"] = following.value
            end = following.end
        claims.append(Claim(RATIO, text[token.start : end], token.start, end, values))
    return claims


def _figure_before(tokens: list[Token], text: str, position: int) -> Token | None:
    """The nearest figure before `position` in the same sentence."""
    for token in reversed(tokens):
        if token.end > position or token.kind not in FIGURES:
            continue
        return None if _crosses(_SENTENCE_END, text, token.end, position) else token
    return None


def _marker_total(tokens: list[Token], text: str, marker: re.Match) -> Token | None:
    total = _figure_before(tokens, text, marker.start())
    if total is None or total.kind != NUMBER or marker.start() - total.end > _TOTAL_GAP:
        return None
    return total


def _sum_claims(text: str, tokens: list[Token]) -> list[Claim]:
    claims = []
    for marker in _MARKER.finditer(text):
        total = _marker_total(tokens, text, marker)
        if total is None:
            continue
        # Parts run until the first one joined by "và": "trong đó 60 nam, 30 nữ và 10 …".
        parts: list[Token] = []
        last, joined = marker.end(), False
        for token in tokens:
            if token.start < marker.end() or token.kind not in FIGURES:
                continue
            if _crosses(_CLAUSE_END, text, last, token.start) or _MARKER.search(
                text, last, token.start
            ):
                break
            if token.kind == PERCENT:
                continue  # "60 nam (chiếm 60%) và 40 nữ": the percentage is a share
            if token.kind != NUMBER:
                break
            joined = bool(parts) and _AND.search(text, parts[-1].end, token.start) is not None
            parts.append(token)
            last = token.end
            if joined:
                break
        if len(parts) < 2 or not joined:
            continue
        values = {"total": _plain(total.raw), "parts": [_plain(part.raw) for part in parts]}
        end = parts[-1].end
        claims.append(Claim(SUM, text[total.start : end], total.start, end, values))
    return claims


def _share_claims(text: str, tokens: list[Token]) -> list[Claim]:
    claims = []
    by_start = {token.start: token for token in tokens if token.kind == PERCENT}
    for share in _SHARE.finditer(text):
        percent = by_start.get(share.end())
        part = _figure_before(tokens, text, share.start())
        if percent is None or part is None or part.kind != NUMBER:
            continue
        total = _share_total(text, tokens, part)
        if total is None:
            continue
        values = {"part": _plain(part.raw), "total": _plain(total.raw), "p": percent.value}
        claims.append(
            Claim(SHARE, text[total.start : percent.end], total.start, percent.end, values)
        )
    return claims


def _share_total(text: str, tokens: list[Token], part: Token) -> Token | None:
    """The total a share is of: the one before "trong đó/gồm", else the nearest larger figure."""
    sentence_start = 0
    for end in _SENTENCE_END.finditer(text, 0, part.start):
        sentence_start = end.end()
    markers = list(_MARKER.finditer(text, sentence_start, part.start))
    if markers:
        return _marker_total(tokens, text, markers[-1])
    for token in reversed(tokens):
        if token.end <= sentence_start:
            break
        if token.end <= part.start and token.kind == NUMBER and token.value >= part.value:
            return token
    return None


def find_claims(text: str) -> list[Claim]:
    """Ratios, sums and shares in `text`, in reading order, not yet checked.

    `text` should be NFC (read_text makes it so); offsets index into it unchanged.
    """
    tokens = tokenize(text)
    claims = _ratio_claims(text, tokens) + _sum_claims(text, tokens) + _share_claims(text, tokens)
    return sorted(claims, key=lambda claim: (claim.start, claim.end))
