"""What a year-end report is made of, before it becomes Word: header, blocks, signature.

The narrative (narrative.py) fills a `ReportContent` from the figures; docx.py lays it out
per HD 36-HD/VPTW. Keeping the two apart lets tests read the prose without Word, and lets
the header be edited (number, date, title, signer) without touching the figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from tuyengiao.orgs.choices import UnitKind

# Per kind of unit: the committee's short word, its abbreviation in document numbers
# (HD 36: QU, TU, ĐU, CB), who signs on behalf of whom, and what its members are called.
_KIND_STYLE = {
    UnitKind.CITY_COMMITTEE: ("Thành ủy", "TU", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC"),
    UnitKind.DISTRICT_COMMITTEE: ("Quận ủy", "QU", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC"),
    UnitKind.COMMUNE_COMMITTEE: ("Đảng ủy", "ĐU", "T/M ĐẢNG ỦY", "BÍ THƯ"),
    UnitKind.GRASSROOTS: ("Đảng ủy", "ĐU", "T/M ĐẢNG ỦY", "BÍ THƯ"),
    UnitKind.CELL: ("Chi bộ", "CB", "T/M CHI BỘ", "BÍ THƯ"),
}
_DEFAULT_STYLE = ("Đảng ủy", "ĐU", "T/M ĐẢNG ỦY", "BÍ THƯ")
_COMMITTEES = {UnitKind.CITY_COMMITTEE, UnitKind.DISTRICT_COMMITTEE}


def place_of(unit) -> str:
    """«Quận ủy Quận 1» → «Quận 1»; «Đảng ủy phường Bến Nghé» → «Phường Bến Nghé»."""
    body = _KIND_STYLE.get(unit.kind, _DEFAULT_STYLE)[0]
    name = unit.name
    if name.startswith(body + " "):
        name = name[len(body) + 1 :]
    elif unit.short_name and unit.short_name != body:
        name = unit.short_name
    return name[:1].upper() + name[1:]


@dataclass
class UnitStyle:
    """How the report names its unit: “Quận ủy”, “QU”, “Quận 1”, “Ban Thường vụ Quận ủy”."""

    body: str
    abbr: str
    place: str
    issuer: str  # QUẬN ỦY QUẬN 1
    superior: str  # HD 36: the superior Party organisation, ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH
    department: str  # who advises: “Ban Tuyên giáo” in a committee, the unit itself below
    standing: str  # who commends: “Ban Thường vụ Quận ủy”
    signer_for: str
    signer_title: str
    office: str  # who files the copy: “Văn phòng Quận ủy”
    kind: str = ""

    @property
    def committee(self) -> bool:
        return self.kind in _COMMITTEES

    @property
    def units_word(self) -> str:
        """What the units below report as: grassroots organisations under a committee."""
        return "tổ chức cơ sở đảng" if self.committee else "đơn vị"

    @classmethod
    def of(cls, unit) -> UnitStyle:
        body, abbr, signer_for, signer_title = _KIND_STYLE.get(unit.kind, _DEFAULT_STYLE)
        parent = unit.get_parent()
        committee = unit.kind in _COMMITTEES
        return cls(
            body=body,
            abbr=abbr,
            place=place_of(unit),
            issuer=unit.name.upper(),
            superior=f"ĐẢNG BỘ {place_of(parent).upper()}" if parent else "",
            department="Ban Tuyên giáo" if committee else unit.name,
            standing=f"Ban Thường vụ {body}" if committee else unit.name,
            signer_for=signer_for,
            signer_title=signer_title,
            office=f"Văn phòng {body}",
            kind=unit.kind,
        )


def default_date(year: int, today: dt.date | None = None) -> dt.date | None:
    """No date: the writer chooses it; until then the report is a draft (“ngày … tháng …”)."""
    return None


@dataclass
class ReportOptions:
    """What the writer may edit; empty values fall back to defaults from the unit and year."""

    number: str = ""  # “05” gives “Số 05-BC/QU”; blank keeps the sequence open
    date: dt.date | None = None
    subtitle: str = ""
    signer_for: str = ""
    signer_title: str = ""
    signer_name: str = ""
    recipients: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        return data

    @classmethod
    def from_json(cls, data: dict | None) -> ReportOptions:
        data = dict(data or {})
        if data.get("date"):
            data["date"] = dt.date.fromisoformat(data["date"])
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class Block:
    """One piece of the body. kind: heading1, heading2, para, bullet, placeholder, table, chart."""

    kind: str
    text: str = ""
    appendix: bool = False  # tables and charts: printed in the appendix after the signature
    sheet: dict = field(default_factory=dict)  # table: raw values for the Excel annex
    rows: list[list[str]] = field(default_factory=list)  # table: header first, total last
    image: bytes | None = None  # chart: PNG
    figure_ids: list[str] = field(default_factory=list)


@dataclass
class ReportContent:
    superior: str
    issuer: str
    number_line: str  # “Số 05-BC/QU”
    place_date: str  # “Quận 1, ngày 10 tháng 02 năm 2023”, or “ngày … tháng … năm …”
    title: str  # “BÁO CÁO”
    subtitle: str
    blocks: list[Block]
    recipients: list[str]
    signer_for: str
    signer_title: str
    signer_name: str
    draft: bool = False  # no date chosen: “DỰ THẢO” at the top of the first page
    author: str = ""  # the unit, for the file's properties
    appendix_title: str = ""  # “PHỤ LỤC (kèm theo Báo cáo số …)”
    appendix_note: str = ""
    appendix: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def text(self) -> str:
        """The prose as one string (for tests and the figure checker)."""
        blocks = self.blocks + self.appendix
        parts = [b.text for b in blocks if b.text]
        for block in blocks:
            parts.extend(" | ".join(row) for row in block.rows)
        return "\n".join(parts)
