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
# (HD 36: QU, TU, ĐU, CB) and who signs on behalf of whom.
_KIND_STYLE = {
    UnitKind.CITY_COMMITTEE: ("Thành ủy", "TU", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC"),
    UnitKind.DISTRICT_COMMITTEE: ("Quận ủy", "QU", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC"),
    UnitKind.COMMUNE_COMMITTEE: ("Đảng ủy", "ĐU", "T/M ĐẢNG ỦY", "BÍ THƯ"),
    UnitKind.GRASSROOTS: ("Đảng ủy", "ĐU", "T/M ĐẢNG ỦY", "BÍ THƯ"),
    UnitKind.CELL: ("Chi bộ", "CB", "T/M CHI BỘ", "BÍ THƯ"),
}
_DEFAULT_STYLE = ("Đảng ủy", "ĐU", "T/M ĐẢNG ỦY", "BÍ THƯ")
_COMMITTEES = {UnitKind.CITY_COMMITTEE, UnitKind.DISTRICT_COMMITTEE}


@dataclass
class UnitStyle:
    """How the report names its unit: «Quận ủy», «QU», «Quận 1», «Ban Thường vụ Quận ủy»."""

    body: str
    abbr: str
    place: str
    issuer: str  # QUẬN ỦY QUẬN 1
    superior: str  # THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH
    department: str  # who advises: «Ban Tuyên giáo» in a committee, the unit itself below
    standing: str  # who commends: «Ban Thường vụ Quận ủy»
    signer_for: str
    signer_title: str

    @classmethod
    def of(cls, unit) -> UnitStyle:
        body, abbr, signer_for, signer_title = _KIND_STYLE.get(unit.kind, _DEFAULT_STYLE)
        parent = unit.get_parent()
        committee = unit.kind in _COMMITTEES
        place = unit.short_name or unit.name
        if place.startswith(body + " "):
            place = place[len(body) + 1 :]
        return cls(
            body=body,
            abbr=abbr,
            place=place,
            issuer=unit.name.upper(),
            superior=parent.name.upper() if parent else "",
            department="Ban Tuyên giáo" if committee else unit.name,
            standing=f"Ban Thường vụ {body}" if committee else unit.name,
            signer_for=signer_for,
            signer_title=signer_title,
        )


def default_date(year: int, today: dt.date | None = None) -> dt.date:
    """Today's day and month in the year after the report's year (29/2 falls back to 28/2)."""
    today = today or dt.date.today()
    try:
        return today.replace(year=year + 1)
    except ValueError:
        return dt.date(year + 1, 2, 28)


@dataclass
class ReportOptions:
    """What the writer may edit; empty values fall back to defaults from the unit and year."""

    number: str = ""  # «05» gives «Số 05-BC/QU»; blank keeps the sequence open
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
    rows: list[list[str]] = field(default_factory=list)  # table: header first, total last
    image: bytes | None = None  # chart: PNG
    figure_ids: list[str] = field(default_factory=list)


@dataclass
class ReportContent:
    superior: str
    issuer: str
    number_line: str  # «Số 05-BC/QU»
    place_date: str  # «Quận 1, ngày 10 tháng 02 năm 2023»
    title: str  # «BÁO CÁO»
    subtitle: str
    blocks: list[Block]
    recipients: list[str]
    signer_for: str
    signer_title: str
    signer_name: str

    def text(self) -> str:
        """The prose as one string (for tests and the figure checker)."""
        parts = [b.text for b in self.blocks if b.text]
        for block in self.blocks:
            parts.extend(" | ".join(row) for row in block.rows)
        return "\n".join(parts)
