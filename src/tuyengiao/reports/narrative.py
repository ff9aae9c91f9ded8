"""The report's prose, written from the figures in the style of a Party year-end report.

Every number printed here is a figure's own `display` (computed once by its app), so the
Word report, the annex and `report data --json` cannot disagree. A section whose figures
no app provides yet gets a highlighted placeholder instead of invented text; figures this
module has no sentence for are still printed, as «label: value».
"""

from __future__ import annotations

import re
from decimal import Decimal

from tuyengiao.core.errors import DomainError
from tuyengiao.core.figures import Figure
from tuyengiao.core.text import format_date_long
from tuyengiao.orgs.choices import UnitKind

from .content import Block, ReportContent, ReportOptions, UnitStyle
from .figureset import FigureSet, figure_ids, group_name, record_labels

RESULTS = [
    ("documents", "1. Công tác tham mưu ban hành văn bản"),
    ("study", "2. Học tập, quán triệt nghị quyết"),
    ("training", "3. Giáo dục lý luận chính trị và bồi dưỡng"),
    ("initiatives", "4. Thực hiện mô hình"),
    ("outreach", "5. Thông tin tích cực, bảo vệ nền tảng tư tưởng của Đảng"),
    ("awards", "6. Khen thưởng"),
    ("targets", "7. Thực hiện các chỉ tiêu nhiệm kỳ"),
]
DIRECTION = [
    ("tasks", "2. Nhiệm vụ trọng tâm"),
]
SECTION_NAMES = dict(RESULTS + DIRECTION)
WRITER_MARK = "[Phần dành cho người viết"
MISSING_MARK = "[Chưa có số liệu"

# The parts the department writes (kept in the app, versioned: models.SectionText), in
# the order of a báo cáo tổng kết, with what the placeholder asks for when none is written.
WRITTEN = [
    ("overview", "Đánh giá chung", "đánh giá chung kết quả công tác tuyên giáo trong năm"),
    ("limitations", "Hạn chế", "nêu những hạn chế, khó khăn"),
    ("causes_subjective", "Nguyên nhân chủ quan", "nêu nguyên nhân chủ quan của hạn chế"),
    ("causes_objective", "Nguyên nhân khách quan", "nêu nguyên nhân khách quan của hạn chế"),
    ("lessons", "Bài học kinh nghiệm", "nêu những bài học kinh nghiệm rút ra"),
    ("direction", "Phương hướng chung", "nêu phương hướng chung của năm sau"),
    ("tasks_more", "Nhiệm vụ khác", "bổ sung nhiệm vụ (nếu có)"),
    ("recommendations", "Kiến nghị, đề xuất", "nêu kiến nghị, đề xuất với cấp trên"),
]
WRITTEN_NAMES = {key: name for key, name, _ask in WRITTEN}
OPTIONAL = {"overview", "tasks_more"}  # left out quietly when not written


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
            group,
            "units_expected",
            "units_reported",
            "members_attended",
            "members_required",
            "members_total",
            "participation_rate",
            "non_members_attended",
            "units_approved",
        )
        name = group_name(group, "")
        clauses = []
        if reported and expected:
            clauses.append(
                f"{reported.display}/{expected.display} {style.units_word} tổ chức học tập, "
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
        quoted = [f"“{n}”" for n in names]
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


# --- tasks, grouped by area -------------------------------------------------------------------

# Areas of propaganda work, recognised by words in a task's title; the first that matches.
AREAS = [
    (
        "Bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái",
        ("ban chỉ đạo 35", "35-nq", "nền tảng tư tưởng", "sai trái", "05-đa"),
    ),
    (
        "Nghiên cứu, học tập, quán triệt và triển khai thực hiện nghị quyết",
        ("quán triệt", "học tập", "nghị quyết", "quy định", "kết luận", "chỉ thị"),
    ),
    ("Công tác văn hóa, văn nghệ", ("văn hóa", "văn nghệ", "di tích", "lễ hội")),
    ("Giáo dục lý luận chính trị, bồi dưỡng cán bộ", ("lớp", "bồi dưỡng", "lý luận", "giáo dục")),
    ("Công tác tham mưu, hướng dẫn, kiểm tra", ()),
]


def area_of(title: str) -> str:
    lowered = title.lower()
    for name, words in AREAS:
        if any(word in lowered for word in words):
            return name
    return AREAS[-1][0]


def next_year_tasks(fs: FigureSet, year: int, level_units: set[str] | None) -> list[Block]:
    """Next year's tasks from this unit's level (not its wards'), grouped by area."""
    items = []
    for figure in fs.in_section("tasks"):
        if not figure.id.startswith("tasks.next.") or figure.value is not None:
            continue
        fs.used.add(figure.id)
        assignee = _ASSIGNEE.search(figure.label)
        if level_units is not None and assignee:
            if assignee.group(1) not in level_units:
                continue
        elif _assigned_below(figure):
            continue
        items.append(figure)
    counted = fs.get("tasks.next.count")
    if counted is not None:
        fs.used.add(counted.id)
    if not items:
        return []
    by_area: dict[str, list[Figure]] = {}
    for figure in items:
        by_area.setdefault(area_of(figure.display), []).append(figure)
    order = [name for name, _words in AREAS]
    blocks = [Block("para", f"Năm {year + 1}, tập trung thực hiện các nhiệm vụ trọng tâm sau:")]
    for index, name in enumerate(sorted(by_area, key=order.index), start=1):
        tasks = by_area[name]
        titles = [t.display.rstrip(". ") for t in tasks]
        text = f"{index}) {name}: " + "; ".join(_lower_first(t) for t in titles) + "."
        blocks.append(Block("para", text, figure_ids=[t.id for t in tasks]))
    return blocks


_BELOW = re.compile(r"\((Đảng ủy|Chi bộ) [^,]+, hạn ")
_ASSIGNEE = re.compile(r"\(([^()]+), hạn \d\d/\d\d/\d{4}\)$")


def _assigned_below(figure: Figure) -> bool:
    """A task the label says is assigned to a ward or a cell: theirs to report, not ours."""
    return bool(_BELOW.search(figure.label))


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    if first.isupper() or any(ch.isdigit() for ch in first):
        return text
    return text[:1].lower() + text[1:]


# --- targets, with the figure that measures them ----------------------------------------------

_WANTED = re.compile(r"\s*\(chỉ tiêu ([^)]*)\)\s*$")
_COMPARISON = re.compile(r"^\s*(≥|>|=|≤|<)\s*([\d.,]+)\s*(.*)$")
_IN_WORDS = {
    "≥": "từ {v} trở lên",
    ">": "trên {v}",
    "=": "{v}",
    "≤": "không quá {v}",
    "<": "dưới {v}",
}
_COMPARE = {
    "≥": lambda a, b: a >= b,
    ">": lambda a, b: a > b,
    "=": lambda a, b: a == b,
    "≤": lambda a, b: a <= b,
    "<": lambda a, b: a < b,
}


def in_words(goal: str) -> str:
    """“≥ 8 lớp” → “từ 8 lớp trở lên”: HD 36 prose has words, not symbols."""
    match = _COMPARISON.match(goal)
    if not match:
        return goal
    symbol, value, unit = match.groups()
    unit = unit.strip()
    shown = value + ("%" if unit == "%" else (f" {unit}" if unit else ""))
    return _IN_WORDS[symbol].format(v=shown)


# A target the system can measure from another section's figure: the report uses that
# figure, never the hand-entered value (one truth). (words in the target, how to measure)
def _summer_classes(fs: FigureSet):
    for key, group in fs.groups("training").items():
        if "chính trị hè" in group_name(group, key).lower() and "classes" in group:
            return group["classes"], [group["classes"]]
    return None, []


def _organisations_studying(fs: FigureSet):
    for group in fs.groups("study").values():
        reported, expected = group.get("units_reported"), group.get("units_expected")
        if reported and expected and expected.value:
            value = Decimal(reported.value) * 100 / Decimal(expected.value)
            return _Computed(
                value.quantize(Decimal(1))
                if value == value.to_integral()
                else value.quantize(Decimal("0.01")),
                "%",
            ), [reported, expected]
    return None, []


def _models(fs: FigureSet):
    count = fs.by_id.get("initiatives.count")
    return (count, [count]) if count is not None else (None, [])


class _Computed:
    def __init__(self, value, suffix):
        self.value = value
        self.display = f"{str(value).replace('.', ',')}{suffix}"
        self.id = ""


MEASURED_BY = [
    ("lớp bồi dưỡng chính trị hè", _summer_classes),
    ("tổ chức cơ sở đảng tổ chức học tập", _organisations_studying),
    ("mô hình học tập và làm theo", _models),
]


def _hand_entered(figure: Figure) -> bool:
    return str(figure.source.get("what", "")).startswith("Số liệu nhập tay")


def _own_target(figure: Figure, unit_code: str) -> bool:
    """A target of this unit's own term (a district's targets are not the city's)."""
    units = str(figure.source.get("units", ""))
    return not unit_code or not units or units.split(" ", 1)[0] == unit_code


def targets(
    fs: FigureSet, style: UnitStyle, year: int, warnings: list[str], unit_code: str = ""
) -> list[Block]:
    """One line per term target: the year's result against the term's goal, and its status."""
    blocks = []
    for _key, group in fs.groups("targets").items():
        value, status = fs.use(group, "value", "status")
        if value is None or not _own_target(value, unit_code):
            continue
        wanted = _WANTED.search(value.label)
        text = _WANTED.sub("", value.label).rstrip(". ")
        goal = wanted.group(1) if wanted else ""
        shown, numeric, ids = value.display, value.value, [value.id]
        status_text = status.display if status is not None else ""
        if _hand_entered(value):
            for words, measure in MEASURED_BY:
                if words not in text.lower():
                    continue
                computed, used = measure(fs)
                if computed is None:
                    break
                if numeric is not None and Decimal(str(numeric)) != Decimal(str(computed.value)):
                    warnings.append(
                        f"Chỉ tiêu “{text}”: giá trị nhập tay năm {year} là {value.display}, "
                        f"số liệu hệ thống tính được là {computed.display}; báo cáo dùng số liệu "
                        "hệ thống."
                    )
                shown, numeric = computed.display, computed.value
                ids = [f.id for f in used if getattr(f, "id", "")]
                fs.used.update(ids)
                match = _COMPARISON.match(goal)
                if match and numeric is not None:
                    goal_value = Decimal(match.group(2).replace(".", "").replace(",", "."))
                    met = _COMPARE[match.group(1)](Decimal(str(numeric)), goal_value)
                    status_text = "đạt" if met else "chưa đạt"
                break
            else:
                note = str(value.source.get("what", ""))
                if "báo cáo tổng kết" in note and str(year) in note:
                    warnings.append(
                        f"Chỉ tiêu “{text}”: giá trị nhập tay ghi nguồn là chính báo cáo này "
                        f"(“{note}”); hãy ghi nguồn số liệu gốc trên trang chỉ tiêu."
                    )
        unit_word = re.search(r"\d\s+(\D+)$", goal)
        if unit_word and not shown.endswith("%") and numeric is not None:
            shown += f" {unit_word.group(1)}"
        line = f"- {text}: năm {year} đạt {shown}"
        if goal:
            line += f" (chỉ tiêu {in_words(goal)})"
        if status_text:
            line += f", {'đạt chỉ tiêu' if status_text == 'đạt' else status_text}"
        if status is not None:
            ids.append(status.id)
        blocks.append(Block("bullet", line + ".", figure_ids=ids))
    return blocks


# --- figure tokens in written text -----------------------------------------------------------

TOKEN = re.compile(r"\{\{\s*([^{}]+?)\s*\}\}")


def resolve_token(fs: FigureSet, token: str) -> Figure | None | list[Figure]:
    """`study.participation_rate` finds `study.HT-TW456-2022.participation_rate` when the
    section has one such figure; a full id always works. A list: ambiguous."""
    figure = fs.by_id.get(token)
    if figure is not None:
        return figure
    parts = token.split(".")
    if len(parts) == 2:
        found = [f for f in fs.in_section(parts[0]) if f.id.endswith("." + parts[1])]
        if len(found) == 1:
            return found[0]
        if found:
            return found
    return None


def render_written(fs: FigureSet, key: str, text: str, errors: list[str]) -> list[Block]:
    """The department's text, one paragraph a line, with each {{token}} replaced by the
    figure's display; the figures are the block's provenance."""
    blocks = []
    for line in (raw.strip() for raw in text.splitlines()):
        if not line:
            continue
        ids: list[str] = []

        def replace(match, ids=ids):
            token = match.group(1)
            found = resolve_token(fs, token)
            if isinstance(found, Figure):
                ids.append(found.id)
                fs.used.add(found.id)
                return found.display
            section = WRITTEN_NAMES.get(key, key)
            if found:
                choices = ", ".join("{{" + f.id + "}}" for f in found[:5])
                errors.append(
                    f"Mục “{section}”: mã số liệu “{{{{{token}}}}}” chỉ tới nhiều số liệu; "
                    f"hãy ghi đầy đủ, ví dụ {choices}."
                )
            else:
                errors.append(
                    f"Mục “{section}”: mã số liệu “{{{{{token}}}}}” không có trong số liệu "
                    "của năm báo cáo; xem các mã trên trang “Nguồn số liệu” hoặc bằng lệnh "
                    "“tuyengiao report data”."
                )
            return match.group(0)

        rendered = TOKEN.sub(replace, line)
        kind = "bullet" if rendered.startswith(("- ", "+ ")) else "para"
        blocks.append(Block(kind, curly_quotes(rendered), figure_ids=ids))
    return blocks


def curly_quotes(text: str) -> str:
    """ "…" and «…» → “…” (Vietnamese typography)."""
    text = text.replace("«", "“").replace("»", "”")
    out, opening = [], True
    for ch in text:
        if ch == '"':
            out.append("“" if opening else "”")
            opening = not opening
        else:
            out.append(ch)
    return "".join(out)


# --- one truth --------------------------------------------------------------------------------

_GOAL_WORDS = ("ít nhất", "tối thiểu", "từ", "trên", "dưới", "không quá", "chỉ tiêu", "đạt")
_NUMBER_BEFORE = r"(\d[\d.]*(?:,\d+)?%?)\s+"


def conflicts(blocks: list[Block], fs: FigureSet) -> list[str]:
    """Two sections stating different values for one figure: the same figure printed with
    another display, or a count of a figure's things (“9 lớp bồi dưỡng chính trị hè”)
    written differently elsewhere."""
    problems = []
    for key, group in fs.groups("training").items():
        classes = group.get("classes")
        if classes is None or classes.value is None:
            continue
        name = group_name(group, key).lower()
        if name.startswith("lớp "):
            name = name[4:]
        pattern = re.compile(_NUMBER_BEFORE + r"lớp\s+" + re.escape(name), re.IGNORECASE)
        for block in blocks:
            for match in pattern.finditer(block.text):
                before = block.text[: match.start()].rstrip().lower()
                if before.endswith(_GOAL_WORDS):
                    continue  # “ít nhất 8 lớp”: a goal, not a result
                if match.group(1) != classes.display:
                    problems.append(
                        f"Báo cáo ghi “{match.group(0)}” nhưng số liệu “{classes.label}” là "
                        f"{classes.display}: hai phần của báo cáo không được nêu hai số khác nhau."
                    )
    return problems


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
        f"{MISSING_MARK} cho mục “{SECTION_NAMES[key][3:]}” năm {year}: {why}. "
        "Người viết bổ sung hoặc xóa đoạn này.]",
    )


def writer_placeholder(key: str, year: int) -> Block:
    ask = next(a for k, _n, a in WRITTEN if k == key)
    return Block(
        "placeholder",
        f"{WRITER_MARK}: {ask}; viết trên trang “Báo cáo năm” của hệ thống, "
        "mục “Các phần do người viết soạn”.]",
    )


WRITERS = {
    "documents": documents,
    "training": training,
    "initiatives": initiatives,
    "outreach": outreach,
    "awards": awards,
}


def _meaningful(figure: Figure) -> bool:
    if figure.value is None:
        return figure.display not in ("", "—")
    return figure.value != 0


def _section(fs, key, title, style, year, extras, warnings, unit_code="") -> list[Block]:
    figures = fs.in_section(key)
    if key == "targets":
        figures = [f for f in figures if _own_target(f, unit_code)]
        fs.used.update(f.id for f in fs.in_section(key))
    if figures and not any(_meaningful(f) for f in figures):
        # “ban hành 0 văn bản” is not a sentence a report prints: say so to the writer.
        fs.used.update(f.id for f in figures)
        return [Block("heading2", title), placeholder(key, year, zero=True)]
    if key == "study":
        body = study(fs, style, year, extras)
    elif key == "targets":
        body = targets(fs, style, year, warnings, unit_code)
    else:
        body = WRITERS[key](fs, style, year)
    body += leftovers(fs, key)
    if key == "targets" and not figures:
        return []  # a unit without a term's targets has nothing to say here
    return [Block("heading2", title), *(body or [placeholder(key, year)])]


def _written(fs, key, texts, year, errors, *, heading=None) -> list[Block]:
    text = (texts or {}).get(key, "").strip()
    if text:
        body = render_written(fs, key, text, errors)
    elif key in OPTIONAL:
        return []
    else:
        body = [writer_placeholder(key, year)]
    return ([Block(heading[0], heading[1])] if heading else []) + body


def _split_appendix(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    body, appendix = [], []
    for block in blocks:
        (appendix if block.appendix else body).append(block)
    return body, appendix


def build(
    unit,
    year: int,
    figures: list[Figure],
    options=None,
    extras=None,
    texts=None,
    level_units=None,
) -> ReportContent:
    """The whole report. `extras(campaign_key, group)` adds the study table and chart (to
    the appendix); `texts` the department's sections by key; `level_units` the names of
    the units whose tasks are this level's (the unit and its boards)."""
    options = options or ReportOptions()
    style = UnitStyle.of(unit)
    fs = FigureSet(figures)
    warnings: list[str] = []
    errors: list[str] = []
    subtitle = options.subtitle or default_subtitle(year)
    blocks = [
        Block(
            "para",
            f"Thực hiện chương trình công tác năm {year}, {style.standing} báo cáo {subtitle} "
            "như sau:",
        ),
        Block("heading1", "I. KẾT QUẢ ĐẠT ĐƯỢC"),
    ]
    blocks += _written(fs, "overview", texts, year, errors)
    number = 0
    for key, title in RESULTS:
        section = _section(fs, key, title, style, year, extras, warnings, unit.code)
        if options.date and any(b.text.startswith(MISSING_MARK) for b in section):
            continue  # a dated report leaves out what the system has no figures for
        if section:
            number += 1
            section[0].text = f"{number}. {title.split('. ', 1)[1]}"
        blocks += section
    blocks += [Block("heading1", "II. HẠN CHẾ VÀ NGUYÊN NHÂN")]
    blocks += _written(fs, "limitations", texts, year, errors, heading=("heading2", "1. Hạn chế"))
    blocks += [Block("heading2", "2. Nguyên nhân")]
    blocks += _written(
        fs,
        "causes_subjective",
        texts,
        year,
        errors,
        heading=("heading3", "a) Nguyên nhân chủ quan"),
    )
    blocks += _written(
        fs,
        "causes_objective",
        texts,
        year,
        errors,
        heading=("heading3", "b) Nguyên nhân khách quan"),
    )
    blocks += _written(
        fs, "lessons", texts, year, errors, heading=("heading1", "III. BÀI HỌC KINH NGHIỆM")
    )
    blocks += [Block("heading1", f"IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {year + 1}")]
    blocks += _written(
        fs, "direction", texts, year, errors, heading=("heading2", "1. Phương hướng chung")
    )
    blocks += [Block("heading2", "2. Nhiệm vụ trọng tâm")]
    drafted = next_year_tasks(fs, year, level_units)
    more = _written(fs, "tasks_more", texts, year, errors)
    if not drafted and not more:
        more = [writer_placeholder("tasks_more", year)]
    blocks += drafted + more
    due, done = fs.get("tasks.due"), fs.get("tasks.done")
    if due is not None and done is not None and due.value:
        blocks.insert(
            blocks.index(next(b for b in blocks if b.text.startswith("II. "))),
            Block(
                "para",
                f"Các nhiệm vụ đến hạn trong năm {year}: đã hoàn thành {done.display}/"
                f"{due.display} nhiệm vụ.",
                figure_ids=figure_ids(done, due),
            ),
        )
    fs.used.update(f.id for f in fs.in_section("tasks"))
    blocks += _written(
        fs, "recommendations", texts, year, errors, heading=("heading1", "V. KIẾN NGHỊ, ĐỀ XUẤT")
    )
    for block in blocks:
        block.text = curly_quotes(block.text)
    body, appendix = _split_appendix(blocks)
    problems = conflicts(body, fs)
    if errors or problems:
        raise DomainError(" ".join(errors + problems))
    date = options.date
    number = (options.number or "").strip()
    number_line = f"Số {number or NUMBER_BLANK}-BC/{style.abbr}"
    place_date = (
        format_date_long(date, style.place)
        if date
        else f"{style.place}, ngày {BLANK} tháng {BLANK} năm {BLANK}"
    )
    appendix_title, appendix_note = "", ""
    if appendix:
        appendix_title = "PHỤ LỤC"
        when = f"ngày {date:%d/%m/%Y}" if date else f"ngày {BLANK}"
        appendix_note = (
            f"(kèm theo Báo cáo số {number or NUMBER_BLANK}-BC/{style.abbr}, {when} "
            f"của {style.standing if style.committee else unit.name})"
        )
    return ReportContent(
        superior=style.superior,
        issuer=style.issuer,
        number_line=number_line,
        place_date=place_date,
        title="BÁO CÁO",
        subtitle=subtitle,
        blocks=body,
        recipients=options.recipients or default_recipients(unit, style),
        signer_for=options.signer_for or style.signer_for,
        signer_title=options.signer_title or style.signer_title,
        signer_name=options.signer_name,
        draft=date is None,
        author=unit.name,
        appendix_title=appendix_title,
        appendix_note=appendix_note,
        appendix=appendix,
        warnings=warnings,
    )


BLANK = "…"
NUMBER_BLANK = "\u00a0\u00a0\u00a0\u00a0"


def default_subtitle(year: int) -> str:
    return f"tổng kết công tác tuyên giáo năm {year}, phương hướng, nhiệm vụ năm {year + 1}"


def default_recipients(unit, style: UnitStyle) -> list[str]:
    """Party-style recipients per level (HD 36): up for report, across, down, then the file."""
    parent = unit.get_parent()
    lines = []
    if parent is not None:
        above = UnitStyle.of(parent)
        lines.append(f"Ban Thường vụ {above.body} (để báo cáo)")
        lines.append(f"Ban Tuyên giáo {above.body} (để báo cáo)")
    else:
        lines.append("Ban Tuyên giáo Trung ương (để báo cáo)")
    if style.kind == UnitKind.CITY_COMMITTEE:
        lines += [
            "Các đồng chí Thành ủy viên",
            "Các ban, Văn phòng Thành ủy",
            "Các quận ủy, huyện ủy, đảng ủy trực thuộc",
        ]
    elif style.committee:
        lines += [
            f"Các đồng chí {style.body} viên",
            f"Các ban, {style.office}",
            "Các tổ chức cơ sở đảng",
        ]
    else:
        lines += ["Các đồng chí Đảng ủy viên", "Các chi bộ trực thuộc"]
    lines.append(f"Lưu {style.office}")
    return lines
