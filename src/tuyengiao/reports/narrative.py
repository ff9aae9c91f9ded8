"""The report's prose, written from the figures in the style of a Party year-end report.

Every number printed here is a figure's own `display` (computed once by its app), so the
Word report, the annex and `report data --json` cannot disagree. A section whose figures
no app provides yet gets a highlighted placeholder instead of invented text; figures this
module has no sentence for are still printed, as «label: value».
"""

from __future__ import annotations

import re

from tuyengiao.core.figures import Figure
from tuyengiao.core.text import format_date_long

from .content import Block, ReportContent, ReportOptions, UnitStyle, default_date
from .figureset import FigureSet, figure_ids, group_name, record_labels

RESULTS = [
    ("documents", "1. Công tác tham mưu ban hành văn bản"),
    ("study", "2. Học tập, quán triệt nghị quyết"),
    ("training", "3. Giáo dục lý luận chính trị và bồi dưỡng"),
    ("initiatives", "4. Thực hiện mô hình"),
    ("outreach", "5. Thông tin tích cực trên trang thông tin của đơn vị"),
    ("awards", "6. Khen thưởng"),
]
DIRECTION = [
    ("tasks", "1. Nhiệm vụ trọng tâm"),
    ("targets", "2. Thực hiện các chỉ tiêu nhiệm kỳ"),
]
SECTION_NAMES = dict(RESULTS + DIRECTION)
WRITER_MARK = "[Phần dành cho người viết"
MISSING_MARK = "[Chưa có số liệu"


# --- I. results ----------------------------------------------------------------------------


def documents(fs: FigureSet, style: UnitStyle, year: int) -> list[Block]:
    issued = fs.get("documents.issued")
    if issued is None:
        return []
    advisor = (
        f"{style.department} đã tham mưu {style.body}"
        if style.department == "Ban Tuyên giáo"
        else style.department + " đã"
    )
    text = (
        f"Năm {year}, {advisor} ban hành {issued.display} văn bản, kế hoạch học tập, quán "
        "triệt, triển khai thực hiện các nghị quyết, chỉ thị, kết luận, quy định của Đảng và "
        "chỉ đạo, hướng dẫn của cấp trên, kịp thời định hướng công tác tư tưởng trong "
        "toàn đảng bộ."
    )
    return [Block("para", text, figure_ids=[issued.id])]


def study(fs: FigureSet, style: UnitStyle, year: int, extras=None) -> list[Block]:
    blocks = []
    for key, group in fs.groups("study").items():
        expected, reported, attended, required, total, rate, others, _approved = fs.use(
            group, "units_expected", "units_reported", "members_attended", "members_required",
            "members_total", "participation_rate", "non_members_attended", "units_approved",
        )  # fmt: skip
        name = group_name(group, "")
        clauses = []
        if reported and expected:
            clauses.append(
                f"{reported.display}/{expected.display} tổ chức cơ sở đảng tổ chức học tập, "
                "quán triệt"
            )
        members = [f.display for f in (attended, required, total) if f is not None]
        if members:
            clause = f"với {'/'.join(members)} đảng viên"
            if rate:
                clause += f", đạt tỷ lệ {rate.display}"
            clauses.append(clause)
        if others:
            clauses.append(f"và {others.display} quần chúng, đoàn viên, hội viên tham gia")
        if not clauses:
            continue
        intro = f"Năm {year}"
        if name:
            lowered = name[:1].lower() + name[1:]
            intro = (
                f"Triển khai kế hoạch {lowered}"
                if lowered.startswith("học tập")
                else f"Triển khai học tập, quán triệt {name}"
            )
        text = f"{intro}, " + " ".join(clauses)
        blocks.append(
            Block(
                "para",
                text + ".",
                figure_ids=figure_ids(expected, reported, attended, required, total, rate, others),
            )
        )
        if extras is not None:
            blocks.extend(extras(key, group))
    return blocks


def _training_clause(kind: str, classes, planned, attended, rate) -> str:
    lead = f"{classes.display} lớp {kind}" if classes else kind
    if attended and planned and attended.value != planned.value:
        clause = f"{lead} với {attended.display}/{planned.display} học viên"
        return clause + (f", đạt tỷ lệ {rate.display}" if rate else "")
    if attended:
        return f"{lead} cho {attended.display} học viên"
    return lead


def training(fs: FigureSet, style: UnitStyle, year: int) -> list[Block]:
    clauses, ids = [], []
    for key, group in fs.groups("training").items():
        # "completed" stays in the annex; the prose follows the seed: attended/planned.
        classes, planned, attended, rate, _ = fs.use(
            group, "classes", "planned", "attended", "rate", "completed"
        )
        kind = group_name(group, key).strip()
        kind = kind[:1].lower() + kind[1:]
        if kind.startswith("lớp "):
            kind = kind[4:]
        clauses.append(_training_clause(kind, classes, planned, attended, rate))
        ids += figure_ids(classes, planned, attended, rate)
    if not clauses:
        return []
    text = f"Năm {year}, {style.department} đã phối hợp tổ chức " + "; ".join(clauses) + "."
    return [Block("para", text, figure_ids=ids)]


def initiatives(fs: FigureSet, style: UnitStyle, year: int) -> list[Block]:
    count = fs.get("initiatives.count")
    if count is None:
        return []
    names = record_labels(count)
    text = f"Tiếp tục chú trọng thực hiện có hiệu quả {count.display} mô hình"
    if names:
        quoted = [f"«{n}»" for n in names]
        text += ": " + (
            ", ".join(quoted[:-1]) + " và " + quoted[-1] if len(quoted) > 1 else quoted[0]
        )
    return [Block("para", text + ".", figure_ids=[count.id])]


def outreach(fs: FigureSet, style: UnitStyle, year: int) -> list[Block]:
    blocks = []
    for key, group in fs.groups("outreach").items():
        posts, interactions = fs.use(group, "posts", "interactions")
        name = group_name(group, key)
        if not name.lower().startswith(("trang", "kênh", "cổng", "báo")):
            name = f"Trang {name}"
        parts = []
        if posts:
            parts.append(
                f"đã đăng {posts.display} bài viết tuyên truyền, lan tỏa thông tin tích cực"
            )
        if interactions:
            parts.append(f"thu hút {interactions.display} lượt quan tâm, tương tác")
        if parts:
            text = f"Trong năm, {name} " + ", ".join(parts) + "."
            blocks.append(Block("para", text, figure_ids=figure_ids(posts, interactions)))
    return blocks


def _programme_phrase(programme: str) -> str:
    """«Thực hiện Kế hoạch 05-KH/QU» → «thực hiện xuất sắc Kế hoạch 05-KH/QU»."""
    lowered = programme[:1].lower() + programme[1:]
    if lowered.startswith("thực hiện "):
        return "thực hiện xuất sắc " + lowered[len("thực hiện ") :]
    return f"có thành tích xuất sắc trong {lowered}"


def awards(fs: FigureSet, style: UnitStyle, year: int) -> list[Block]:
    clauses, ids = [], []
    for key, group in fs.groups("awards").items():
        collectives, individuals, _summary = fs.use(group, "collectives", "individuals", "summary")
        counted = [
            f"{f.display} {word}"
            for f, word in ((collectives, "tập thể"), (individuals, "cá nhân"))
            if f is not None
        ]
        if counted:
            phrase = _programme_phrase(group_name(group, key))
            clauses.append(f"khen thưởng {' và '.join(counted)} {phrase}")
            ids += figure_ids(collectives, individuals)
    if not clauses:
        return []
    text = f"Dịp tổng kết năm {year}, {style.standing} đã " + "; ".join(clauses) + "."
    return [Block("para", text, figure_ids=ids)]


# --- III. direction --------------------------------------------------------------------------


def tasks(fs: FigureSet, style: UnitStyle, year: int) -> list[Block]:
    """This year's completion, then next year's tasks one per line (meetings' figures)."""
    blocks = []
    due, done, upcoming = fs.get("tasks.due"), fs.get("tasks.done"), fs.get("tasks.next.count")
    if due and done and due.value:
        blocks.append(
            Block(
                "para",
                f"Năm {year}, đã hoàn thành {done.display}/{due.display} nhiệm vụ đến hạn theo "
                "kết luận các hội nghị; các nhiệm vụ chưa hoàn thành được chuyển tiếp sang "
                f"năm {year + 1}.",
                figure_ids=figure_ids(due, done),
            )
        )
    items = [
        f for f in fs.in_section("tasks") if f.id.startswith("tasks.next.") and f.value is None
    ]
    if upcoming and items:
        blocks.append(
            Block(
                "para",
                f"Năm {year + 1}, tập trung thực hiện {upcoming.display} nhiệm vụ trọng tâm theo "
                "kết luận hội nghị tổng kết:",
                figure_ids=[upcoming.id],
            )
        )
    for figure in items:
        fs.used.add(figure.id)
        blocks.append(Block("bullet", f"- {figure.display.rstrip('.')}.", figure_ids=[figure.id]))
    return blocks


_WANTED = re.compile(r"\s*\(chỉ tiêu ([^)]*)\)\s*$")


def targets(fs: FigureSet, style: UnitStyle, year: int) -> list[Block]:
    """One line per term target: its value this year against what the term asks."""
    blocks = []
    for _key, group in fs.groups("targets").items():
        value, status = fs.use(group, "value", "status")
        if value is None:
            continue
        wanted = _WANTED.search(value.label)
        text = _WANTED.sub("", value.label).rstrip(". ")
        shown = value.display
        if wanted:
            # «≥ 8 lớp»: the measured 9 is also «9 lớp».
            measure = re.search(r"\d\s+(\D+)$", wanted.group(1))
            if measure and not shown.endswith("%") and value.value is not None:
                shown += f" {measure.group(1)}"
        line = f"- {text}: kết quả năm {year} là {shown}"
        if wanted:
            line += f" (chỉ tiêu {wanted.group(1)})"
        if status is not None and status.display:
            line += f", {status.display}"
        blocks.append(Block("bullet", line + ".", figure_ids=figure_ids(value, status)))
    return blocks


# --- assembly -------------------------------------------------------------------------------


def leftovers(fs: FigureSet, key: str) -> list[Block]:
    """Figures no sentence above used: printed plainly rather than dropped."""
    rest = fs.unused(key)
    fs.used.update(f.id for f in rest)
    return [Block("bullet", f"- {f.label}: {f.display}.", figure_ids=[f.id]) for f in rest]


def placeholder(key: str, year: int, zero: bool = False) -> Block:
    why = (
        "các số liệu hệ thống ghi nhận đều bằng 0"
        if zero
        else "hệ thống chưa có số liệu của phân hệ này"
    )
    return Block(
        "placeholder",
        f"{MISSING_MARK} cho mục «{SECTION_NAMES[key][3:]}» năm {year}: {why}. "
        "Người viết bổ sung hoặc xóa đoạn này.]",
    )


WRITERS = {
    "documents": documents,
    "training": training,
    "initiatives": initiatives,
    "outreach": outreach,
    "awards": awards,
    "tasks": tasks,
    "targets": targets,
}


def _meaningful(figure: Figure) -> bool:
    if figure.value is None:
        return figure.display not in ("", "—")
    return figure.value != 0


def _section(fs, key, title, style, year, extras) -> list[Block]:
    figures = fs.in_section(key)
    if figures and not any(_meaningful(f) for f in figures):
        # «ban hành 0 văn bản» is not a sentence a report prints: say so to the writer.
        fs.used.update(f.id for f in figures)
        return [Block("heading2", title), placeholder(key, year, zero=True)]
    if key == "study":
        body = study(fs, style, year, extras)
    else:
        body = WRITERS[key](fs, style, year)
    body += leftovers(fs, key)
    return [Block("heading2", title), *(body or [placeholder(key, year)])]


def build(unit, year: int, figures: list[Figure], options=None, extras=None) -> ReportContent:
    """The whole report. `extras(campaign_key, group)` adds the study table and chart."""
    options = options or ReportOptions()
    style = UnitStyle.of(unit)
    fs = FigureSet(figures)
    subtitle = options.subtitle or default_subtitle(year)
    blocks = [
        Block(
            "para",
            f"Thực hiện chương trình công tác năm {year}, {style.standing} báo cáo {subtitle} "
            "như sau:",
        ),
        Block("heading1", "I. KẾT QUẢ ĐẠT ĐƯỢC"),
    ]
    for key, title in RESULTS:
        blocks += _section(fs, key, title, style, year, extras)
    blocks += [
        Block("heading1", "II. HẠN CHẾ"),
        Block(
            "placeholder",
            f"{WRITER_MARK}: nêu những hạn chế, khó khăn trong công tác tuyên giáo năm {year} "
            "và nguyên nhân (chủ quan, khách quan).]",
        ),
        Block("heading1", f"III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {year + 1}"),
    ]
    for key, title in DIRECTION:
        blocks += _section(fs, key, title, style, year, extras)
    date = options.date or default_date(year)
    number = (options.number or "").strip() or "\u00a0\u00a0\u00a0"
    return ReportContent(
        superior=style.superior,
        issuer=style.issuer,
        number_line=f"Số {number}-BC/{style.abbr}",
        place_date=format_date_long(date, style.place),
        title="BÁO CÁO",
        subtitle=subtitle,
        blocks=blocks,
        recipients=options.recipients or default_recipients(unit, style),
        signer_for=options.signer_for or style.signer_for,
        signer_title=options.signer_title or style.signer_title,
        signer_name=options.signer_name,
    )


def default_subtitle(year: int) -> str:
    return f"tổng kết công tác tuyên giáo năm {year}, phương hướng, nhiệm vụ năm {year + 1}"


def default_recipients(unit, style: UnitStyle) -> list[str]:
    parent = unit.get_parent()
    superior = f"Ban Tuyên giáo {UnitStyle.of(parent).body}" if parent else ""
    return [r for r in (superior, f"Thường trực {style.body}", "Lưu VP") if r]
