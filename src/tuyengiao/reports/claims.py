"""Finding numeric claims in Vietnamese prose and tables, by what the words around them mean.

A small grammar in three layers:

1. **Tokens.** Numbers written the Vietnamese way (6.513 or 6 513 thousands, 93,44 decimals;
   93.44% is read too but flagged), percentages ("93,44%", "97,72 phần trăm") and ratios
   ("6.513/6.970/8.021"). Everything that looks like a number but is not a figure gets a
   named pattern from NOT_A_CLAIM (dates, document numbers, years, phone numbers, house
   numbers, codes, legal articles, names such as "Quận 1", targets, time spans…).
2. **Connectives** officials use, inside one sentence (or one table cell): "đạt (tỷ lệ)",
   "tỷ lệ … là/đạt/chiếm", "bằng", "chiếm", "(trên|trong) tổng số", "trong đó", "gồm",
   "tổng cộng", "tăng/giảm … so với … (M)", "(năm 2022: M), tăng", "đạt p% chỉ tiêu/kế
   hoạch/dự toán (M)", "%" / "phần trăm".
3. **Claims** built from them: ratio (a/b with its rate, before, after, or in the next
   sentence "Tỷ lệ …"; a result against its target), completeness (a/a), sum (the total
   before or after its parts), share (a part "chiếm p%" of a total), growth ("tăng p% so với
   năm trước (M)"), and rate (a percentage whose ratio is not in the text: unchecked).

The checker (checker.py) gives each claim its verdict; tables.py builds claims from table
rows; this module only finds them in prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

RATIO, SUM, SHARE, GROWTH, COMPLETENESS, RATE = (
    "ratio",
    "sum",
    "share",
    "growth",
    "completeness",
    "rate",
)
KINDS = (RATIO, COMPLETENESS, SUM, SHARE, GROWTH, RATE)

# Token kinds. Only NUMBER, PERCENT and RATIO are figures; every other token is a number
# that is *not* a figure, and says which pattern of NOT_A_CLAIM it is.
NUMBER, PERCENT, PAIR = "number", "percent", "ratio"
FIGURES = {NUMBER, PERCENT, PAIR}

# The named patterns of numbers that are not claims, with what a reader is told.
NOT_A_CLAIM = {
    "date": "ngày tháng (10/2/2023, ngày 10/02, tháng 2/2023, 15.3.2023, 8 giờ 30)",
    "document_number": "số hiệu văn bản (05-KH/QU, 13/2023/NĐ-CP, Công văn số 2045/BTG)",
    "year_range": "năm, năm học, nhiệm kỳ, giai đoạn (2022-2023, 2020–2025, 2022/2023)",
    "phone_number": "số điện thoại (0903.123.456, 0903 123 456, (028) 38291234)",
    "house_number": "số nhà, hẻm trong địa chỉ (số 12/3 đường Nguyễn Du, hẻm 18/4)",
    "code": "mã, ký hiệu (4.0, 5G, COVID-19, DA-2023/07, XBB.1.5)",
    "legal_article": "điều, khoản, điểm của văn bản pháp quy (Điều 5, khoản 2)",
    "name_with_number": "tên có số (Quận 1, Khu phố 3, Ban Chỉ đạo 35, Trung ương 6)",
    "target": "chỉ tiêu, mức phấn đấu (từ 90% trở lên, ít nhất 8 lớp, chỉ tiêu ≥ 8)",
    "time_span": "khoảng thời gian (5 năm, 3 tháng, 93 năm)",
    "ordinal": "số thứ tự (lần thứ 4, đợt 2, khóa 10)",
    "around_the_clock": "cách nói «24/24 giờ», «24/7»",
}

# Units of counting: a number followed by one of these is a figure someone could report.
UNITS = (
    "đảng viên|học viên|lớp|bài viết|bài|tin|văn bản|tập thể|cá nhân|tổ chức|chi bộ|đảng bộ"
    "|đơn vị|mô hình|nhiệm vụ|lượt|người|quần chúng|hội viên|đoàn viên|cán bộ|hộ|khu phố"
    "|phường|xã|buổi|cuộc|hội nghị|tài liệu|tờ|cuốn|sách|video|clip|đồng chí|điển hình"
    "|giáo viên|báo cáo viên|tuyên truyền viên|công trình|phần việc|đề tài|sáng kiến|vụ|việc"
    "|trường hợp|bản|ấn phẩm|pano|băng rôn|khẩu hiệu|trang|kênh|nhóm|thành viên|câu lạc bộ"
    "|gia đình|cơ quan|doanh nghiệp|đợt|chương trình|kế hoạch|chuyên đề|chỉ tiêu|giải|huy hiệu"
)
_SP = "[ \u00a0\u202f]"
# One number: space-grouped thousands (6 513), or digits with dots (6.513, 95.00, 4.0),
# with an optional decimal comma.
_PART = (
    r"(?:[1-9]\d{0,2}(?:" + _SP + r"\d{3})+(?![\d])(?!" + _SP + r"?[.,]\d)"
    r"|\d+(?:\.\d+)*)(?:,\d+)?"
)
_RAW = re.compile(r"(?<![\w.,/])(?<!\d" + _SP + ")" + _PART + r"(?:/" + _PART + r")*")
_GROUPED = re.compile(r"[1-9]\d{0,2}(?:[.\u00a0\u202f ]\d{3})*(?:,\d+)?|0(?:,\d+)?")
_DOT_DECIMAL = re.compile(r"\d+\.\d+")
_LETTER = r"[^\W\d_]"
_PERCENT_AFTER = re.compile(r"(?:" + _SP + r"?%|" + _SP + r"+phần\s+trăm\b)", re.IGNORECASE)
_I = re.IGNORECASE


def _before(pattern: str) -> re.Pattern:
    return re.compile(r"(?:^|(?<=[\s(\[,;:–\-«“\"'‘]))(?:" + pattern + r")[ \u00a0]*$", _I)


_CODE_BEFORE = re.compile(_LETTER + r"[-–.]$")  # QĐ-123, COVID-19, XBB.1
_DOC_AFTER = re.compile(r"\s*[-–]\s*(" + _LETTER + r")|/\s*(" + _LETTER + r")")
_LEGAL_BEFORE = _before(r"điều|khoản|điểm|chương|mục|phụ\s+lục|tiết")
_NAME_BEFORE = _before(
    r"quận|phường|xã|huyện|thị\s+xã|thị\s+trấn|khu\s+phố|khu\s+vực|tổ\s+dân\s+phố|tổ|ấp|khóm"
    r"|thôn|ban\s+chỉ\s+đạo|trung\s+ương|đề\s+án|kế\s+hoạch|nghị\s+quyết|chỉ\s+thị|kết\s+luận"
    r"|quy\s+định|nghị\s+định|thông\s+tư|quyết\s+định|công\s+văn|hướng\s+dẫn|thông\s+báo"
    r"|chương\s+trình|tờ\s+trình|luật|lớp\s+\d+|khối|phòng|tầng|kỳ|quý|tuần|mã|số\s+hiệu"
    r"|chi\s+bộ\s+khu\s+phố|đại\s+hội|hội\s+nghị|ban\s+chấp\s+hành|tiểu\s+ban|nhóm|đội"
    r"|trường|khu|lô|căn|block|phiên|bảng|biểu\s+đồ|biểu|hình|sơ\s+đồ|ví\s+dụ|câu|phần"
)
_DOC_BEFORE = _before(
    r"(?:kế\s+hoạch|nghị\s+quyết|chỉ\s+thị|kết\s+luận|quy\s+định|nghị\s+định|thông\s+tư"
    r"|quyết\s+định|công\s+văn|hướng\s+dẫn|thông\s+báo|chương\s+trình|tờ\s+trình|đề\s+án"
    r"|báo\s+cáo|luật)(?:\s+số)?"
)
_ORDINAL_BEFORE = _before(
    r"thứ|lần(?:\s+thứ)?|đợt|khóa|khoá|số\s+thứ\s+tự|stt|tt|hạng|thứ\s+hạng|xếp\s+hạng|vị\s+trí"
)
_ADDRESS_BEFORE = _before(
    r"hẻm|kiệt|ngõ|ngách|số(?:\s+nhà)?|(?:tại|ở|đặt\s+tại|trụ\s+sở)(?:\s+số)?"
)
_STRONG_ADDRESS_BEFORE = _before(
    r"hẻm|kiệt|ngõ|ngách|số\s+nhà|(?:trụ\s+sở|địa\s+chỉ|tại|ở|đặt\s+tại|trụ\s+sở\s+tại)\s+số"
)
_CLASS_BEFORE = _before(r"lớp|khối|chi\s+đội")
_STREET_AFTER = re.compile(
    r"\s*,?\s*(?:đường|phố|hẻm|kiệt|ngõ|ngách|tổ|khu\s+phố|ấp|phường)\b|\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]",
)
_DATE_BEFORE = _before(
    r"ngày|mùng|mồng|sáng|chiều|tối|trưa|đêm|hôm|từ|đến|tới|trước|sau|đầu|cuối|giữa"
    r"|tháng|thứ\s+\w+|chủ\s+nhật|vào|lúc|dịp|lễ|kỷ\s+niệm|mừng|chào\s+mừng|hướng\s+tới"
    r"|hạn|hạn\s+chót|thời\s+hạn"
)
_DAY_PART_BEFORE = _before(r"ngày|mùng|mồng|tháng|lúc|vào\s+lúc")
_DATE_JOIN = re.compile(r"^\s*(?:,|và|-|–|đến|tới)\s*$", _I)
_TIME_AFTER = re.compile(r"\s*(?:giờ|g|h)\s*\d|\s*giờ\s+(?:sáng|chiều|tối|trưa|đêm)\b", _I)
_SPAN_AFTER = re.compile(r"\s*(?:năm|tháng|ngày|tuần|thế\s+kỷ)\b", _I)
_SPAN_BEFORE = _before(r"kỷ\s+niệm|tròn|sau|trong|hơn|gần|suốt|qua")
_TARGET_BEFORE = _before(
    r"từ|trên|dưới|ít\s+nhất|tối\s+thiểu|tối\s+đa|không\s+dưới|không\s+quá|phấn\s+đấu"
    r"|chỉ\s+tiêu(?:\s+là)?|mục\s+tiêu(?:\s+là)?|≥|≤|>|<|=|đạt\s+từ|đạt\s+trên"
)
_TARGET_AFTER = re.compile(r"^[^.;,\d]{0,25}\btrở\s+lên\b", _I)

_COUNTED_AFTER = re.compile(r"^\s*(?:" + UNITS + r")\b", _I)
_SENTENCE_END = re.compile(r"[!?\n\t…]|\.(?=[\s\"”’)]|$)")
_CLAUSE_END = re.compile(r"[;!?\n\t…]|\.(?=[\s\"”’)]|$)")


@dataclass
class Token:
    kind: str  # NUMBER, PERCENT, PAIR, or a key of NOT_A_CLAIM
    start: int
    end: int
    raw: str
    parts: list[Decimal] = field(default_factory=list)
    warning: str = ""  # written against convention (a decimal point), still read

    @property
    def value(self) -> Decimal:
        return self.parts[0]

    @property
    def is_figure(self) -> bool:
        return self.kind in FIGURES


@dataclass
class Claim:
    kind: str  # one of KINDS
    text: str
    start: int
    end: int
    values: dict
    verdict: str = ""  # "ok" | "rounding" | "wrong" | "format" | "unchecked"; empty until checked
    expected: str | None = None
    message: str = ""
    warnings: list[str] = field(default_factory=list)
    rounding: str = ""  # the indicator's rule when known from the database: half_up, truncate
    where: str = ""  # a table row: "Bảng 1, dòng «Phường B»"

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
            "where": self.where,
        }


def _json_number(value):
    if isinstance(value, list):
        return [_json_number(item) for item in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def parse_vn(raw: str, *, percent: bool = False) -> tuple[Decimal | None, str]:
    """A number as written in Vietnamese: (value, warning). 6.513 → 6513; 93,44 → 93.44;
    6 513 → 6513. "95.00" (a decimal point) is read as 95.00 with a warning; so is
    "93.445%", a percentage no one means as ninety-three thousand."""
    text = raw.strip()
    if _GROUPED.fullmatch(text):
        value = Decimal(re.sub(r"[.\u00a0\u202f ]", "", text).replace(",", "."))
        if percent and "." in text and "," not in text and value >= 1000:
            return Decimal(text), "dot"
        return value, ""
    if _DOT_DECIMAL.fullmatch(text):
        return Decimal(text), "dot"
    if text.isdigit():
        return Decimal(text), ""
    return None, ""


def plain(value: Decimal) -> int | Decimal:
    return (
        int(value)
        if value == value.to_integral_value() and value.as_tuple().exponent >= 0
        else value
    )


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
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    token = Token("code", start, end, raw)
    raws = raw.split("/")
    if re.match(_LETTER, after) or _CODE_BEFORE.search(before) or len(raws) > 3:
        return token  # 5G, COVID-19, XBB.1.5, 1.2.3/4/5/6
    if after.startswith(".") and re.match(r"\.\d", after):
        return token
    dotted = raw.split(".")
    if len(raws) == 1 and len(dotted) == 3 and _day_month(dotted) and _is_year(dotted[2]):
        token.kind = "date"  # 15.3.2023
        return token
    if len(raws) == 1 and (raw.startswith("0") and len(re.sub(r"\D", "", raw)) >= 9):
        token.kind = "phone_number"
        return token
    if before.rstrip().endswith(")") and re.search(r"\(0\d{1,3}\)\s*$", before):
        token.kind = "phone_number"  # (028) 38291234
        return token
    doc = _DOC_AFTER.match(after)
    if doc and (doc.group(1) or doc.group(2)).isupper():
        token.kind = "document_number"  # 05-KH/QU, 2045/BTG, 13/2023/NĐ-CP
        return token
    line_start = text.rfind("\n", 0, start) + 1
    if (
        len(raws) == 1
        and re.fullmatch(r"\s*(?:[-–•]\s*)?", text[line_start:start])
        and re.match(r"[.)](?:\s|$)", after)
    ):
        token.kind = "ordinal"  # "1. Công tác …", "2) …": the numbering of a heading or item
        return token
    if (
        previous is not None
        and previous.kind in ("name_with_number", "ordinal", "legal_article")
        and re.fullmatch(r"\s*(?:,|và|-|–)\s*", text[previous.end : start])
        and not _PERCENT_AFTER.match(after)
    ):
        token.kind = previous.kind  # "Trung ương 4, 5", "Điều 5, 6 và 7"
        return token
    if len(raws) == 1:
        return _classify_single(text, token, before, after, previous)
    token.kind = _classify_slashed(raws, before, after, previous, text)
    if token.kind == PAIR:
        parsed = [parse_vn(part) for part in raws]
        if any(value is None for value, _ in parsed):
            token.kind = "code"
        else:
            token.parts = [value for value, _ in parsed]
            token.warning = next((w for _, w in parsed if w), "")
    return token


def _classify_single(text, token: Token, before, after, previous) -> Token:
    raw = token.raw
    percent = _PERCENT_AFTER.match(after)
    value, warning = parse_vn(raw, percent=bool(percent))
    if value is None:
        return token  # code: 1.2.3, 4.0
    if warning and not percent:
        return token  # 4.0, 2.5 without a percent sign: a code or a version, not a figure
    token.parts, token.warning = [value], warning
    if _LEGAL_BEFORE.search(before):
        token.kind = "legal_article"
    elif _ORDINAL_BEFORE.search(before):
        token.kind = "ordinal"
    elif (
        _TARGET_BEFORE.search(before)
        and not (re.search(r"\d[ \u00a0]+trên[ \u00a0]+$", before) and not percent)
    ) or _TARGET_AFTER.match(after[percent.end() if percent else 0 :]):
        token.kind = "target"
    elif percent:
        token.kind, token.end = PERCENT, token.end + percent.end()
        token.raw = text[token.start : token.end]
    elif _is_year(raw):
        token.kind = "year_range"
    elif _leading_zero(raw) or (raw.isdigit() and len(raw) >= 7):
        token.kind = "phone_number"
    elif _NAME_BEFORE.search(before):
        token.kind = "name_with_number"
    elif _DAY_PART_BEFORE.search(before) or _TIME_AFTER.match(after):
        token.kind = "date"  # ngày 10 tháng 2, 8 giờ 30
    elif _SPAN_AFTER.match(after):
        token.kind = "time_span"  # 5 năm, 3 tháng
    else:
        token.kind = NUMBER
    return token


def _classify_slashed(raws, before, after, previous, text) -> str:
    if tuple(raws) == ("24", "7") or (
        tuple(raws) == ("24", "24") and re.match(r"\s*(?:giờ|h\b|/7)", after, _I)
    ):
        return "around_the_clock"  # "trực 24/24 giờ", "24/7" (but "24/24 đảng viên" is a ratio)
    if _DOC_BEFORE.search(before):
        return "document_number"  # Quyết định 1234/2020
    if _ADDRESS_BEFORE.search(before) and (
        _STREET_AFTER.match(after) or re.search(r"(?:hẻm|kiệt|ngõ|ngách)\s*$", before, _I)
    ):
        return "house_number"  # số 12/3 đường Nguyễn Du, tại 45/7 Lê Thánh Tôn
    if _STRONG_ADDRESS_BEFORE.search(before):
        return "house_number"  # trụ sở tại số 12/3 …, hẻm 18/4, số nhà 7/2
    if _NAME_BEFORE.search(before) or _CLASS_BEFORE.search(before):
        return "name_with_number"  # Tổ dân phố 12/5, lớp 12/3
    if len(raws) == 3:
        return "date" if _is_year(raws[2]) else PAIR
    if _is_year(raws[0]) and _is_year(raws[1]):
        return "year_range"  # năm học 2022/2023
    if _is_year(raws[1]) and raws[0].isdigit() and 1 <= int(raws[0]) <= 12:
        return "date"  # tháng 2/2023
    if any(_leading_zero(raw) for raw in raws):
        return "date" if _day_month(raws) else "code"
    if _day_month(raws):
        if _COUNTED_AFTER.match(after) and not _DAY_PART_BEFORE.search(before):
            return PAIR  # "10/10 đảng viên": counted, whatever came before
        gap = text[previous.end : text.find(raws[0], previous.end)] if previous else ""
        after_date = (
            previous is not None
            and previous.kind == "date"
            and previous.raw.count("/") == len(raws) - 1  # "10/2 và 15/3", not "10/2/2023, 3/8"
            and _DATE_JOIN.match(gap)
        )
        # A ratio never has its first part larger; a day/month may.
        if _DATE_BEFORE.search(before) or after_date or int(raws[0]) > int(raws[1]):
            return "date"
    return PAIR


_YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?!\d)")


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    ranges = [m.span() for m in _YEAR_RANGE.finditer(text)]
    for match in _RAW.finditer(text):
        start, end = match.span()
        if any(a <= start < b for a, b in ranges):
            tokens.append(Token("year_range", start, end, match.group()))
            continue
        previous = tokens[-1] if tokens else None
        tokens.append(_classify(text, start, end, match.group(), previous))
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
        elif token.kind == PAIR:
            offset = token.start
            for raw, value in zip(token.raw.split("/"), token.parts, strict=True):
                found.append((offset, offset + len(raw), value, raw))
                offset += len(raw) + 1
    return found


# --- building claims ---------------------------------------------------------------------

_RATE_INTRO_AFTER_RATIO = re.compile(
    r"(?:\bđạt(?:\s+t[ỷỉ]\s+lệ)?|\bt[ỷỉ]\s+lệ(?:\s+[^\d%;()]{0,40}?)?(?:\s+(?:là|đạt|bằng))?"
    r"|\bchiếm(?:\s+t[ỷỉ]\s+lệ)?|\(|\bbằng)(?:\s+là)?\s*$",
    _I,
)
_RATE_STATED = re.compile(
    r"(?:\bđạt(?:\s+t[ỷỉ]\s+lệ)?|\bt[ỷỉ]\s+lệ\b[^\d%;()]{0,80}?(?:\blà|\bđạt|\bbằng|\bchiếm|:)"
    r"|\bt[ỷỉ]\s+lệ)\s*$",
    _I,
)
_WORD_RATIO = re.compile(
    r"^\s*(?:(?:trên|trong)\s+tổng\s+số|trên"
    r"|[^\d;,()%]{1,40}?\s(?:trên|trong)\s+tổng\s+số(?:\s+[^\d;,()%]{1,12}?)?)\s+$",
    _I,
)
_SHARE = re.compile(r"\bchiếm(?:\s+t[ỷỉ]\s+lệ)?(?:\s+là)?\s*$", _I)
_SHARE_TOTAL_AFTER = re.compile(
    r"^\s*(?:\(\s*)?(?:trên\s+)?(?:tổng\s+số|so\s+với\s+tổng\s+số|trong\s+tổng\s+số)"
    r"(?:\s+[^\d;()]{0,40}?)?\s*$",
    _I,
)
_MARKER = re.compile(
    r"\b(?:trong\s+đó(?:\s+có)?|bao\s+gồm(?:\s+có)?|gồm(?:\s+có)?|cụ\s+thể(?=\s*:)"
    r"|(?<=,\s)cụ\s+thể|chia\s+ra)\b",
    _I,
)
_SAME_UNIT = {"bài viết": "bài", "tin": "bài", "đồng chí": "người"}
_GENERIC = {"người", "đồng chí", "đơn vị", "tổ chức", "điển hình", "lượt", "trường hợp", "việc"}
_AMONG = re.compile(r"\btrong\s+(?:tổng\s+)?số\s*$", _I)
_TOTAL_AFTER = re.compile(
    r"(?<!trên\s)\b(?:tổng\s+cộng(?:\s+là)?|tổng\s+số(?:\s+là)?|cộng\s+chung|cộng\s+lại)\s*$",
    _I,
)
_AND = re.compile(r"\bvà\b", _I)
_GROWTH = re.compile(r"\b(tăng|giảm)(?:\s+thêm)?\s*$", _I)
_COMPARED = re.compile(r"^[^;\d]{0,10}?\bso\s+với\b", _I)
_BASE_AFTER = re.compile(r"^[^;()]{0,60}(?:\(\s*|\blà\s+|:\s*)$")
_BASE_BEFORE_OPEN = re.compile(
    r"^[^();]{0,30}\(\s*(?:năm\s+\S+|cùng\s+kỳ(?:\s+năm\s+\S+)?|năm\s+trước)\s*[:,]?\s*(?:là\s+)?$",
    _I,
)
_BASE_BEFORE_CLOSE = re.compile(r"^[^();\d]{0,20}\)\s*,?\s*(?:tăng|giảm)(?:\s+thêm)?\s*$", _I)
_TOTAL_GAP = 80  # chars between a total and its "trong đó": further is another topic
_TARGET_MET = re.compile(
    r"^\s*(?:so\s+với\s+)?(?:chỉ\s+tiêu|kế\s+hoạch|dự\s+toán)[^();\d]{0,40}\(\s*$", _I
)


def _agrees(part: Decimal, whole: Decimal, p: Decimal) -> bool:
    """Is p the percentage part ÷ whole, rounded half-up or truncated at p's decimals?"""
    if whole == 0:
        return False
    exact = part * 100 / whole
    quantum = Decimal(1).scaleb(p.as_tuple().exponent)
    return p in (exact.quantize(quantum, ROUND_HALF_UP), exact.quantize(quantum, ROUND_DOWN))


_ATTRIBUTE = re.compile(
    r"\b(?:nữ|trẻ|dân\s+tộc|tôn\s+giáo|trình\s+độ|đại\s+học|thạc\s+sĩ|tiến\s+sĩ|lý\s+luận"
    r"|tuổi|cựu\s+chiến\s+binh|người\s+Hoa|Khmer|công\s+giáo|phật\s+giáo)\b",
    _I,
)
_PARTITION = [
    (r"\bnam\b", r"\bnữ\b"),
    (r"\btập\s+thể\b", r"\bcá\s+nhân\b"),
    (r"\bchính\s+thức\b", r"\bdự\s+bị\b"),
    (r"\bđảng\s+bộ\b", r"\bchi\s+bộ\b"),
]


def _overlapping(marker: str, listed: str) -> bool:
    """ "15 đồng chí, trong đó 3 đồng chí nữ và 2 đồng chí người dân tộc": subsets by personal
    traits may overlap or leave people out, so their sum need not be the total. "gồm" and
    complementary pairs (nam và nữ, tập thể và cá nhân…) are a partition."""
    if not marker.lower().startswith("trong"):
        return False
    if any(re.search(a, listed, _I) and re.search(b, listed, _I) for a, b in _PARTITION):
        return False
    return _ATTRIBUTE.search(listed) is not None


def _has_aside(gap: str) -> bool:
    return "(" in gap


def _aside(gap: str) -> bool:
    """Is a figure followed by this gap inside parentheses ("(15 đảng viên), trong đó")?"""
    depth = 0
    for ch in gap:
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return True
            depth -= 1
    return False


@dataclass
class _Segment:
    start: int
    end: int
    tokens: list[Token]


def _segments(text: str, tokens: list[Token]) -> list[_Segment]:
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    segments = []
    index = 0
    for start, end in zip(bounds, bounds[1:], strict=False):
        if end <= start:
            continue
        inside = []
        while index < len(tokens) and tokens[index].start < end:
            if tokens[index].start >= start:
                inside.append(tokens[index])
            index += 1
        segments.append(_Segment(start, end, inside))
    return segments


class _Builder:
    """Claims of one sentence, each percentage given to at most one claim."""

    def __init__(self, text: str, segment: _Segment):
        self.text = text
        self.seg = segment
        self.figs = [t for t in segment.tokens if t.is_figure]
        self.used: set[int] = set()  # ids of tokens already in a claim
        self.claims: list[Claim] = []

    def gap(self, a: int, b: int) -> str:
        return self.text[a:b]

    def claim(self, kind: str, tokens: list[Token], values: dict) -> Claim:
        start = min(t.start for t in tokens)
        end = max(t.end for t in tokens)
        claim = Claim(kind, self.text[start:end], start, end, values)
        claim.warnings = sorted({t.warning for t in tokens if t.warning})
        self.used.update(id(t) for t in tokens)
        self.claims.append(claim)
        return claim

    def free(self, token: Token) -> bool:
        return id(token) not in self.used

    def next_fig(self, token: Token) -> Token | None:
        index = self.figs.index(token)
        return self.figs[index + 1] if index + 1 < len(self.figs) else None

    def prev_fig(self, token: Token) -> Token | None:
        index = self.figs.index(token)
        return self.figs[index - 1] if index > 0 else None

    def build(self) -> list[Claim]:
        self._word_ratios()
        pairs = [t for t in self.figs if t.kind == PAIR]
        rates: dict[int, Token] = {}
        for pair in pairs:  # "a/b …, đạt (tỷ lệ) p%", "a/b (p%)", "a/b; tỷ lệ … là p%"
            following = self.next_fig(pair)
            if following is not None and following.kind == PERCENT:
                gap = self.gap(pair.end, following.start)
                if (
                    not _CLAUSE_END.search(gap) and _RATE_INTRO_AFTER_RATIO.search(gap)
                ) or re.search(r"\bt[ỷỉ]\s+lệ\b", gap, _I):
                    rates[id(pair)] = following
        for pair in pairs:  # "tỷ lệ … là p% (a/b …)", "đạt tỷ lệ p% (a/b)", "100% … (a/a)"
            if id(pair) in rates:
                continue
            preceding = self.prev_fig(pair)
            if preceding is None or preceding.kind != PERCENT:
                continue
            if any(r is preceding for r in rates.values()):
                continue
            intro = self.gap(self.seg.start, preceding.start)
            gap = self.gap(preceding.end, pair.start)
            if re.fullmatch(r"[^\d;()]{0,40}\(\s*", gap) or (
                _RATE_STATED.search(intro) and not _CLAUSE_END.search(gap) and len(gap) < 60
            ):
                rates[id(pair)] = preceding
        for pair in pairs:
            values = dict(zip("abc", (plain(v) for v in pair.parts), strict=False))
            members = [pair]
            rate = rates.get(id(pair))
            if rate is not None:
                values["p"] = rate.value
                members.append(rate)
            same = len(pair.parts) >= 2 and pair.parts[0] == pair.parts[1]
            self.claim(COMPLETENESS if same else RATIO, members, values)
        self._targets_met()
        self._among()
        self._sums_before()
        self._sums_after()
        self._shares()
        self._growths()
        self._lone_rates()
        return self.claims

    def _word_ratios(self):
        """ "a trên (tổng số) b": a ratio written in words; becomes a PAIR token."""
        figs = self.figs
        merged: list[Token] = []
        index = 0
        while index < len(figs):
            token = figs[index]
            nxt = figs[index + 1] if index + 1 < len(figs) else None
            if (
                nxt is not None
                and token.kind == NUMBER
                and nxt.kind == NUMBER
                and _WORD_RATIO.match(self.gap(token.end, nxt.start))
            ):
                pair = Token(PAIR, token.start, nxt.end, self.gap(token.start, nxt.end))
                pair.parts = [token.value, nxt.value]
                pair.warning = token.warning or nxt.warning
                merged.append(pair)
                index += 2
                continue
            merged.append(token)
            index += 1
        self.figs = merged

    def _parts_from(self, position: int, limit: int) -> tuple[list[Token], bool]:
        """Numbers after `position` joined by commas: the parts, and whether the list was
        closed by "và" (else it ran to the end of the clause: maybe only some parts)."""
        parts: list[Token] = []
        last = position
        for token in self.figs:
            if token.start < position or token.start >= limit:
                continue
            between = self.gap(last, token.start)
            if _CLAUSE_END.search(between) or (parts and _MARKER.search(between)):
                break
            if token.kind == PERCENT:
                continue  # "60 nam (chiếm 60%) và 40 nữ": the percentage is a share
            if token.kind != NUMBER or not self.free(token):
                return [], False
            joined = bool(parts) and _AND.search(between) is not None
            parts.append(token)
            last = token.end
            if joined:
                return parts, True
        return parts, False

    def _sums_before(self):
        """ "N …, trong đó/gồm A … và B …"."""
        for marker in _MARKER.finditer(self.text, self.seg.start, self.seg.end):
            total = next(
                (
                    t
                    for t in reversed(self.figs)
                    if t.end <= marker.start()
                    and t.kind in (NUMBER, PAIR)
                    and not _aside(self.gap(t.end, marker.start()))
                ),
                None,
            )
            if total is None or total.kind != NUMBER:
                continue  # (a total may also be the result of a target met: "18 …, đạt 120%")
            if marker.start() - total.end > _TOTAL_GAP + 40 * _has_aside(
                self.gap(total.end, marker.start())
            ):
                continue
            parts, closed = self._parts_from(marker.end(), self.seg.end)
            if len(parts) < 2:
                continue
            if total.value < max(p.value for p in parts):
                continue  # "120 đảng viên, trong đó 130 lượt…": parts of something else
            if self._other_units(parts, total):
                continue
            values = {"total": plain(total.value), "parts": [plain(p.value) for p in parts]}
            listed = self.gap(marker.start(), min(self.seg.end, parts[-1].end + 40))
            if not closed or _overlapping(marker.group(), listed):
                values["open"] = True  # "trong đó, nữ: 845, nam: 1.057": all parts, or some?
            self.claim(SUM, [total, *parts], values)

    def _sums_after(self):
        """ "(gồm) A …, B … và C …, tổng cộng N …"."""
        for total in self.figs:
            if total.kind != NUMBER or not self.free(total):
                continue
            before = self.gap(self.seg.start, total.start)
            if not _TOTAL_AFTER.search(before):
                continue
            ends = [self.seg.start] + [
                m.end() for m in _CLAUSE_END.finditer(self.text, self.seg.start, total.start)
            ]
            clause_start = ends[-1]
            if len(ends) > 1 and re.fullmatch(
                r"\s*(?:tổng\s+cộng|tổng\s+số)(?:\s+là)?\s*",
                self.gap(clause_start, total.start),
                _I,
            ):
                clause_start = ends[-2]  # "gồm: 7 …, 20 …; tổng số 27 …"
            markers = list(_MARKER.finditer(self.text, clause_start, total.start))
            start = markers[-1].end() if markers else clause_start
            candidates = [
                t
                for t in self.figs
                if start <= t.start and t.end <= total.start and t.kind in FIGURES
            ]
            if len(candidates) < 2 or any(t.kind != NUMBER or not self.free(t) for t in candidates):
                continue
            last_gap = self.gap(candidates[-2].end, candidates[-1].start)
            listed = markers and "trong" not in markers[-1].group().lower()
            if not _AND.search(last_gap) and not listed:
                continue  # "gồm A, B; tổng số N" is a whole list; "A, B, tổng số N" may not be
            if self._other_units(candidates, total):
                continue
            values = {"total": plain(total.value), "parts": [plain(p.value) for p in candidates]}
            self.claim(SUM, [*candidates, total], values)

    def _unit(self, token: Token) -> str:
        found = _COUNTED_AFTER.match(self.text[token.end : token.end + 40])
        unit = found.group().strip().lower() if found else ""
        return _SAME_UNIT.get(unit, unit)

    def _other_units(self, parts: list[Token], total: Token) -> bool:
        """ "5 lớp … và 4 lớp …, tổng số 2.695 học viên": the parts count classes, the total
        learners; not a sum. ("5 tập thể và 10 cá nhân, tổng cộng 15 điển hình" is one.)"""
        units = {self._unit(p) for p in parts}
        whole = self._unit(total)
        return len(units) == 1 and "" not in units and whole not in units | _GENERIC | {""}

    def _shares(self):
        shares = []
        for percent in self.figs:
            if percent.kind != PERCENT or not self.free(percent):
                continue
            if not _SHARE.search(self.gap(self.seg.start, percent.start)):
                continue
            part = self.prev_fig(percent)
            if part is None or part.kind != NUMBER:
                continue
            shares.append((part, percent))
        self.share_parts = {id(part) for part, _ in shares}
        open_shares = []
        for part, percent in shares:
            total = self._share_total(percent, part)
            members = [part, percent] + ([total] if total is not None else [])
            values = {"part": plain(part.value), "p": percent.value}
            if total is not None:
                values["total"] = plain(total.value)
            claim = self.claim(SHARE, members, values)
            if total is None:
                open_shares.append(claim)
        self._implied_total(open_shares)

    def _implied_total(self, shares: list[Claim]) -> None:
        """ "5 chi bộ (chiếm 19,23%), 19 chi bộ (chiếm 73,07%), 2 chi bộ (chiếm 7,69%)": shares
        of one whole, the sum of the parts, when the percentages add up to 100% or when most
        of them agree with that sum (then the others are wrong, not the whole)."""
        if len(shares) < 2:
            return
        whole = sum(Decimal(c.values["part"]) for c in shares)
        places = max(-Decimal(c.values["p"]).as_tuple().exponent for c in shares)
        slack = Decimal(len(shares)) * Decimal(1).scaleb(-max(places, 0))
        adds_up = abs(sum(Decimal(c.values["p"]) for c in shares) - 100) <= slack
        agree = sum(1 for c in shares if _agrees(Decimal(c.values["part"]), whole, c.values["p"]))
        if not adds_up and agree < max(1, len(shares) // 2 + (len(shares) > 2)):
            return
        for claim in shares:
            claim.values["total"] = plain(whole)
            claim.values["implied"] = True

    def _share_total(self, percent: Token, part: Token) -> Token | None:
        following = self.next_fig(percent)
        if (
            following is not None
            and following.kind == NUMBER
            and _SHARE_TOTAL_AFTER.match(self.gap(percent.end, following.start))
        ):
            return following  # "chiếm p% (tổng số N)", "chiếm p% trên tổng số N"
        markers = list(_MARKER.finditer(self.text, self.seg.start, part.start))
        if markers:
            total = next((t for t in reversed(self.figs) if t.end <= markers[-1].start()), None)
            if total is not None and total.kind == NUMBER and total.value >= part.value:
                return total
            return None
        for token in reversed(self.figs):
            if id(token) in self.share_parts:
                continue  # another share of the same list, not the whole
            if token.end <= part.start and token.kind == NUMBER and token.value >= part.value:
                return token
        return None

    def _growths(self):
        for change in self.figs:
            if change.kind not in (PERCENT, NUMBER) or not self.free(change):
                continue
            verb = _GROWTH.search(self.gap(self.seg.start, change.start))
            if verb is None:
                continue
            current, base = self._base_before(change)  # "450 bài (năm 2022: 380 bài), tăng …"
            if base is None:
                if not _COMPARED.match(self.text[change.end : self.seg.end]):
                    continue
                current = self.prev_fig(change)
                base = self.next_fig(change)
                if base is not None and (
                    base.kind != NUMBER or not _BASE_AFTER.match(self.gap(change.end, base.start))
                ):
                    base = None
            if current is not None and (current.kind != NUMBER or not self.free(current)):
                current = None
            values = {
                "direction": verb.group(1).lower(),
                "change": change.value,
                "percent": change.kind == PERCENT,
            }
            times = re.match(r"\s*(lần|bậc|hạng)\b", self.text[change.end : change.end + 8], _I)
            if times:
                values["times"] = times.group(1)  # "tăng 2 lần": ×2 or ×3? "5 bậc": a rank
            members = [change]
            if current is not None:
                values["current"] = plain(current.value)
                members.insert(0, current)
            if base is not None and current is not None:
                values["base"] = plain(base.value)
                members.append(base)
            self.claim(GROWTH, members, values)

    def _base_before(self, change: Token) -> tuple[Token | None, Token | None]:
        base = self.prev_fig(change)
        current = self.prev_fig(base) if base is not None else None
        if current is None or base.kind != NUMBER or current.kind != NUMBER:
            return None, None
        if _BASE_BEFORE_OPEN.match(self.gap(current.end, base.start)) and _BASE_BEFORE_CLOSE.match(
            self.gap(base.end, change.start)
        ):
            return current, base
        return None, None

    def _among(self):
        """ "Trong tổng số 1.250 đảng viên, có 1.200 đồng chí tham gia, đạt 96%"."""
        for percent in self.figs:
            if percent.kind != PERCENT or not self.free(percent):
                continue
            if not re.search(
                r"\bđạt(?:\s+t[ỷỉ]\s+lệ)?\s*$", self.gap(self.seg.start, percent.start), _I
            ):
                continue
            part = self.prev_fig(percent)
            whole = self.prev_fig(part) if part is not None else None
            if whole is None or part.kind != NUMBER or whole.kind != NUMBER:
                continue
            if not _AMONG.search(self.gap(self.seg.start, whole.start)) or whole.value < part.value:
                continue
            if not self.free(part) or _CLAUSE_END.search(self.gap(whole.end, percent.start)):
                continue
            values = {"a": plain(part.value), "b": plain(whole.value), "p": percent.value}
            self.claim(RATIO, [whole, part, percent], values)

    def _targets_met(self):
        """ "kết nạp 18 đảng viên, đạt 120% chỉ tiêu (15 đảng viên)": result ÷ target."""
        for percent in self.figs:
            if percent.kind != PERCENT or not self.free(percent):
                continue
            if not re.search(r"\b(?:đạt|bằng)\s*$", self.gap(self.seg.start, percent.start), _I):
                continue
            current, target = self.prev_fig(percent), self.next_fig(percent)
            if current is None or target is None or current.kind != NUMBER:
                continue
            if target.kind != NUMBER or not _TARGET_MET.match(self.gap(percent.end, target.start)):
                continue
            if not self.free(current) or _CLAUSE_END.search(self.gap(current.end, percent.start)):
                continue
            values = {
                "a": plain(current.value),
                "b": plain(target.value),
                "p": percent.value,
                "target": True,
            }
            self.claim(RATIO, [current, percent, target], values)

    def _lone_rates(self):
        for percent in self.figs:
            if percent.kind != PERCENT or not self.free(percent):
                continue
            if _RATE_STATED.search(self.gap(self.seg.start, percent.start)[-120:]):
                self.claim(RATE, [percent], {"p": percent.value})


def find_claims(text: str) -> list[Claim]:
    """Ratios, sums, shares, growths and stated rates in `text`, in reading order, not yet
    checked. `text` should be NFC (read_text makes it so); offsets index into it unchanged."""
    tokens = tokenize(text)
    claims: list[Claim] = []
    previous: list[Claim] = []
    for segment in _segments(text, tokens):
        if not any(t.is_figure for t in segment.tokens):
            previous = []
            continue
        found = _Builder(text, segment).build()
        _rate_in_next_sentence(text, segment, previous, found)
        claims.extend(found)
        previous = found
    return sorted(claims, key=lambda claim: (claim.start, claim.end))


_NEXT_RATE = re.compile(r"\s*t[ỷỉ]\s+lệ\b", _I)


def _rate_in_next_sentence(text, segment, previous: list[Claim], found: list[Claim]) -> None:
    """ "… 6.513/6.970 đảng viên tham gia. Tỷ lệ tham gia đạt 93,44%.": the rate of the
    sentence before, when that sentence has one ratio without its rate."""
    if text[segment.start - 1 : segment.start] in ("\t", "\n"):
        return  # another cell or paragraph: not the sentence that follows
    rates = [c for c in found if c.kind == RATE]
    open_ratios = [c for c in previous if c.kind in (RATIO, COMPLETENESS) and "p" not in c.values]
    if len(rates) != 1 or len(open_ratios) != 1 or len(found) != 1:
        return
    if not _NEXT_RATE.match(text, segment.start):
        return
    ratio, rate = open_ratios[0], rates[0]
    ratio.values["p"] = rate.values["p"]
    ratio.end = rate.end
    ratio.text = text[ratio.start : ratio.end]
    ratio.warnings = sorted(set(ratio.warnings) | set(rate.warnings))
    found.remove(rate)
