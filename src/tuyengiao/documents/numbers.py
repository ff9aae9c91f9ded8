"""Party document numbers as HD 36-HD/VPTW writes them: `05-KH/QU`, `05-QC/BTCTU-BDVTU`.

Pure Python (no database): the service passes the editable type and issuer tables in.
`parse_number` normalises what people type ("05 – ĐA/TU" → "05-ĐA/TU"), keeps the
sequence's leading zero as written, and raises a DomainError naming what is wrong;
`format_number(parse_number(x))` gives the normalised text back.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from tuyengiao.core.errors import DomainError

DEFAULT_TYPES = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "QĐi": "Quy định",
    "CT": "Chỉ thị",
    "KL": "Kết luận",
    "QC": "Quy chế",
    "HD": "Hướng dẫn",
    "BC": "Báo cáo",
    "KH": "Kế hoạch",
    "ĐA": "Đề án",
    "CTr": "Chương trình",
    "TB": "Thông báo",
    "TTr": "Tờ trình",
    "TT": "Thông tri",
    "BB": "Biên bản",
    "CV": "Công văn",
}
DEFAULT_ISSUERS = {
    "TW": "Ban Chấp hành Trung ương",
    "BCT": "Bộ Chính trị",
    "BBT": "Ban Bí thư",
    "BTGTW": "Ban Tuyên giáo Trung ương",
    "TU": "Thành ủy / Tỉnh ủy",
    "BTGTU": "Ban Tuyên giáo Thành ủy",
    "BTCTU": "Ban Tổ chức Thành ủy",
    "BDVTU": "Ban Dân vận Thành ủy",
    "QU": "Quận ủy",
    "HU": "Huyện ủy",
    "BTGQU": "Ban Tuyên giáo Quận ủy",
    "BTCQU": "Ban Tổ chức Quận ủy",
    "BDVQU": "Ban Dân vận Quận ủy",
    "ĐU": "Đảng ủy",
    "CB": "Chi bộ",
}
# Dashes people type between the parts (en dash in the seed's "05 – ĐA/TU").
_DASHES = re.compile(r"\s*[-\u2010\u2011\u2012\u2013\u2014\u2212]\s*")
_SLASH = re.compile(r"\s*/\s*")
_PREFIX = re.compile(r"^(số|so)\s*[:.]?\s*", re.IGNORECASE)
MAX_SEQUENCE_DIGITS = 6
# Column sizes of Document and Issuer: longer codes are typing mistakes, not Party symbols.
MAX_TYPE_LENGTH = 10
MAX_ISSUER_LENGTH = 20
MAX_ISSUERS_LENGTH = 60
# A term (nhiệm kỳ) is five years; district congresses open it around mid-year of a year
# divisible by five (2020–2025), so numbering restarts on 1 July of that year.
TERM_YEARS = 5
TERM_START = (7, 1)


@dataclass(frozen=True)
class ParsedNumber:
    sequence: int
    sequence_text: str
    type_code: str
    issuers: tuple[str, ...]
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def text(self) -> str:
        return format_number(self)

    @property
    def issuer_codes(self) -> str:
        return "-".join(self.issuers)


def format_number(parsed: ParsedNumber) -> str:
    return f"{parsed.sequence_text}-{parsed.type_code}/{'-'.join(parsed.issuers)}"


def _error(text: str, rule: str) -> DomainError:
    return DomainError(f"Số, ký hiệu «{text}» không hợp lệ: {rule}.", field="number_text")


def _is_latin(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("LATIN")


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    if name.startswith("CYRILLIC"):
        return "chữ Kirin (bàn phím tiếng Nga?)"
    if name.startswith("GREEK"):
        return "chữ Hy Lạp"
    return "ký tự lạ"


def _is_code(part: str) -> bool:
    return bool(part) and part[0].isalpha() and all(ch.isalnum() for ch in part)


def _match_code(code: str, known) -> str | None:
    """The table's spelling of `code` (QĐI → QĐi), or None when it is not in the table."""
    if code in known:
        return code
    upper = code.upper()
    return next((k for k in known if k.upper() == upper), None)


def parse_number(text: str, *, types=None, issuers=None) -> ParsedNumber:
    """Parse "05-KH/QU". `types`/`issuers`: known codes (default: the usual ones)."""
    types = DEFAULT_TYPES if types is None else types
    issuers = DEFAULT_ISSUERS if issuers is None else issuers
    original = text if isinstance(text, str) else ""
    # NFKC: full-width «ＫＨ» and other compatibility forms become plain letters.
    cleaned = unicodedata.normalize("NFKC", original).strip()
    cleaned = _PREFIX.sub("", cleaned)
    cleaned = _SLASH.sub("/", _DASHES.sub("-", cleaned))
    if not cleaned:
        raise _error(original, "để trống")
    if "/" not in cleaned:
        raise _error(original, "thiếu dấu «/» giữa loại văn bản và cơ quan ban hành")
    if cleaned.count("/") > 1:
        raise _error(original, "có nhiều hơn một dấu «/»")
    if any(ch.isspace() for ch in cleaned):
        raise _error(original, "có khoảng trắng giữa các ký hiệu")
    foreign = next((ch for ch in cleaned if ch.isalpha() and not _is_latin(ch)), None)
    if foreign is not None:
        # A Cyrillic «КН» looks like «KH» and would slip past the duplicate check.
        raise _error(original, f"chữ «{foreign}» là {_script(foreign)}, không phải chữ Latin")
    left, right = cleaned.split("/")
    if "-" not in left:
        if left.isdigit():
            raise _error(original, "thiếu ký hiệu loại văn bản sau số thứ tự (ví dụ 05-KH/QU)")
        if left[:1].isdigit():
            raise _error(original, "thiếu dấu «-» giữa số thứ tự và loại văn bản (ví dụ 05-KH/QU)")
        raise _error(original, "thiếu số thứ tự trước ký hiệu loại văn bản (ví dụ 05-KH/QU)")
    sequence_text, _, type_code = left.partition("-")
    if not sequence_text:
        raise _error(original, "thiếu số thứ tự")
    if not sequence_text.isascii() or not sequence_text.isdigit():
        raise _error(original, f"số thứ tự «{sequence_text}» chỉ được gồm chữ số")
    if len(sequence_text) > MAX_SEQUENCE_DIGITS:
        raise _error(original, f"số thứ tự «{sequence_text}» dài quá {MAX_SEQUENCE_DIGITS} chữ số")
    if int(sequence_text) == 0:
        raise _error(original, "số thứ tự phải lớn hơn 0")
    if not type_code:
        raise _error(original, "thiếu ký hiệu loại văn bản")
    if not type_code.isalpha():
        raise _error(original, f"ký hiệu loại văn bản «{type_code}» chỉ được gồm chữ cái")
    if len(type_code) > MAX_TYPE_LENGTH:
        raise _error(
            original, f"ký hiệu loại văn bản «{type_code}» dài quá {MAX_TYPE_LENGTH} ký tự"
        )
    if not right:
        raise _error(original, "thiếu ký hiệu cơ quan ban hành sau dấu «/»")
    if len(right) > MAX_ISSUERS_LENGTH:
        raise _error(original, f"phần cơ quan ban hành dài quá {MAX_ISSUERS_LENGTH} ký tự")
    issuer_parts = right.split("-")
    for position, part in enumerate(issuer_parts, start=1):
        if not part:
            raise _error(original, f"ký hiệu cơ quan ban hành thứ {position} để trống")
        if not _is_code(part):
            raise _error(
                original,
                f"ký hiệu cơ quan ban hành «{part}» chỉ được gồm chữ cái và chữ số, "
                "bắt đầu bằng chữ cái",
            )
        if len(part) > MAX_ISSUER_LENGTH:
            raise _error(
                original, f"ký hiệu cơ quan ban hành «{part}» dài quá {MAX_ISSUER_LENGTH} ký tự"
            )
    warnings = []
    known_type = _match_code(type_code, types)
    if known_type is None:
        warnings.append(
            f"Loại văn bản «{type_code}» chưa có trong danh mục; vẫn ghi nhận, "
            "hãy kiểm tra hoặc bổ sung danh mục."
        )
    codes = []
    for part in issuer_parts:
        known = _match_code(part, issuers)
        if known is None:
            warnings.append(
                f"Cơ quan ban hành «{part}» chưa có trong danh mục; vẫn ghi nhận, "
                "hãy kiểm tra hoặc bổ sung danh mục."
            )
        codes.append(known or part.upper())
    if len(set(codes)) != len(codes):
        raise _error(original, "một cơ quan ban hành được ghi hai lần")
    return ParsedNumber(
        sequence=int(sequence_text),
        sequence_text=sequence_text,
        type_code=known_type or type_code,
        issuers=tuple(codes),
        warnings=tuple(warnings),
    )


def term_start_year(date: dt.date) -> int:
    """2022-03-01 → 2020 (term 2020–2025); 2020-03-01 → 2015 (before the congress)."""
    start = date.year - date.year % TERM_YEARS
    if (date.month, date.day) < TERM_START and date.year == start:
        start -= TERM_YEARS
    return start


def term_label(start_year: int) -> str:
    return f"{start_year}–{start_year + TERM_YEARS}"
