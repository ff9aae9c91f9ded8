"""Check a text's figures: its arithmetic (checker.py) and, optionally, against the database.

The command `figures check` and the web page both call `verify`, so they give the same
verdicts. Against the database, a number is matched by meaning, not by value alone: the
words next to it (the unit of counting after it, what it is about) and the section it sits
in are compared with each figure's label, source and section. A number is

- **matched** when a figure with its value means the same thing;
- **contradicted** when no figure with its value fits but a figure that plainly means the
  same thing (same unit of counting, same subject) has another value: "8 lớp bồi dưỡng
  chính trị hè" when the system counts 9 — a wrong verdict;
- **unmatched** otherwise, listed once with its sentence, and only when it looks like a
  reportable figure (a count with its unit, a percentage, a part of a ratio).

Each rate is checked with its indicator's own rounding rule (the figure's source says
"cắt bớt" or "làm tròn"), so a report the system wrote passes without a rounding notice.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from tuyengiao.core.text import fold

from .checker import (
    HALF_UP,
    TRUNCATE,
    WRONG,
    all_claims,
    check_text,
    counts,
    report_json,
)
from .claims import FIGURES, PAIR, PERCENT, UNITS, Claim, tokenize
from .tables import table_spans

_UNIT_AFTER = re.compile(r"^\s*(?:" + UNITS + r")\b", re.IGNORECASE)
_HEADING = re.compile(r"^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s+\S.{0,150}$")
_STOP = {
    "so",
    "cua",
    "va",
    "cac",
    "nhung",
    "trong",
    "tren",
    "nam",
    "duoc",
    "da",
    "co",
    "voi",
    "cho",
    "la",
    "theo",
    "den",
    "tu",
    "ve",
    "mot",
    "tai",
    "nay",
    "do",
    "khi",
    "thi",
    "de",
    "the",
    "tong",
    "ty",
    "le",
    "dat",
    "gom",
}
_SECTION_WORDS = {
    "documents": r"van ban|tham muu ban hanh",
    "study": r"hoc tap|quan triet|nghi quyet",
    "training": r"boi duong|ly luan|dao tao|lop",
    "initiatives": r"mo hinh|hoc tap va lam theo",
    "outreach": r"thong tin|tuyen truyen|trang|mang xa hoi|bao chi",
    "awards": r"khen thuong|thi dua",
    "targets": r"chi tieu",
    "tasks": r"nhiem vu|phuong huong",
}
_RULE_TRUNCATE = re.compile(r"cắt\s+b[ớỏ]t|cắt\s+bỏ|làm\s+tròn\s+xuống", re.IGNORECASE)
_RULE_HALF_UP = re.compile(r"làm\s+tròn", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+")
_CLAUSE = re.compile(r"[;\n\t]|\.(?=\s|$)")
_SENTENCE = re.compile(r"[!?\n\t…]|\.(?=[\s\"”’)]|$)")


@dataclass
class NumberMatch:
    raw: str
    start: int
    end: int
    value: Decimal
    figures: list[dict] = field(default_factory=list)  # {"id", "label", "display", "url"}
    sentence: str = ""
    reportable: bool = True
    contradicts: dict | None = None  # the figure that means the same with another value

    def as_json(self) -> dict:
        value = self.value
        number = int(value) if value == value.to_integral_value() else float(value)
        data = {
            "text": self.raw,
            "start": self.start,
            "end": self.end,
            "value": number,
            "figures": self.figures,
            "sentence": self.sentence,
        }
        if self.contradicts:
            data["contradicts"] = self.contradicts
        return data


@dataclass
class Verification:
    text: str
    claims: list
    numbers: list[NumberMatch] | None = None  # None: not matched against the database

    @property
    def contradictions(self) -> list[NumberMatch]:
        return [n for n in self.numbers or [] if n.contradicts]

    @property
    def wrong(self) -> int:
        return sum(1 for claim in self.claims if claim.verdict == WRONG) + len(self.contradictions)

    @property
    def counts(self) -> dict[str, int]:
        result = counts(self.claims)
        result[WRONG] += len(self.contradictions)
        return result

    @property
    def unmatched(self) -> list[NumberMatch]:
        """Reportable numbers no figure means, once per number and sentence."""
        seen, result = set(), []
        for n in self.numbers or []:
            if n.figures or n.contradicts or not n.reportable:
                continue
            key = (n.raw, n.sentence)
            if key not in seen:
                seen.add(key)
                result.append(n)
        return result

    def pieces(self) -> list[dict]:
        """The text cut into plain pieces and highlighted claims, for the page: each
        {"text", "claim" (or None), "number" (1-based, for the claims table)}. Where claims
        overlap (a totals row checked several ways) the first one is highlighted."""
        marks = [(c.start, c.end, c, i + 1) for i, c in enumerate(self.claims)]
        marks += [(n.start, n.end, n, None) for n in self.contradictions]
        marks.sort(key=lambda m: (m[0], -m[1]))
        pieces, position = [], 0
        for start, end, item, number in marks:
            if start < position:
                continue
            if start > position:
                pieces.append({"text": self.text[position:start], "claim": None})
            is_claim = number is not None
            pieces.append(
                {
                    "text": self.text[start:end],
                    "claim": item if is_claim else None,
                    "number": number,
                    "verdict": item.verdict if is_claim else WRONG,
                    "message": item.message if is_claim else _contradiction_message(item),
                }
            )
            position = end
        if position < len(self.text):
            pieces.append({"text": self.text[position:], "claim": None})
        return pieces

    def as_json(self) -> dict:
        data = report_json(self.claims)
        data["wrong"] = self.wrong
        data["counts"] = self.counts
        if self.numbers is not None:
            data["numbers"] = [n.as_json() for n in self.numbers]
            data["unmatched"] = [n.as_json() for n in self.unmatched]
            data["contradictions"] = [n.as_json() for n in self.contradictions]
        return data


def _contradiction_message(number: NumberMatch) -> str:
    figure = number.contradicts
    return (
        f"Khác số liệu hệ thống: «{figure['label']}» = {figure['display']}, văn bản ghi "
        f"{number.raw}."
    )


def _value(figure) -> Decimal | None:
    value = figure.value
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value)).normalize()
    except InvalidOperation:
        return None


def rounding_rule(figure) -> str:
    """The indicator's rounding rule from its source: "truncate", "half_up" or ""."""
    source = figure.source or {}
    rule = source.get("rounding")
    if rule in (HALF_UP, TRUNCATE):
        return rule
    what = str(source.get("what", ""))
    if _RULE_TRUNCATE.search(what):
        return TRUNCATE
    if _RULE_HALF_UP.search(what):
        return HALF_UP
    return ""


def _words(text: str) -> set[str]:
    """Pairs of neighbouring syllables: Vietnamese words are mostly two syllables, and a
    pair ("ket nap", "boi duong") tells meaning apart where one syllable ("ket") does not."""
    syllables = _WORD.findall(fold(text))
    return {
        f"{a} {b}"
        for a, b in zip(syllables, syllables[1:], strict=False)
        if not (a in _STOP and b in _STOP)
    }


def _figure_words(figure) -> set[str]:
    source = figure.source or {}
    extra = " ".join(
        str(source.get(key, "")) for key in ("kind", "channel", "campaign", "name", "title")
    )
    return _words(f"{figure.label} {extra}")


_LABEL_UNIT = re.compile(r"^(?:tổng\s+)?số\s+(" + UNITS + r")\b", re.IGNORECASE)


def _unit_of(label: str) -> str:
    """What a count figure counts, from its label: "Số lớp bồi dưỡng …" → "lớp"."""
    match = _LABEL_UNIT.match(label.strip())
    return match.group(1).lower() if match else ""


def _group(figure_id: str) -> str:
    return figure_id.rsplit(".", 1)[0]


class _Index:
    def __init__(self, figures):
        self.figures = [f for f in figures if _value(f) is not None]
        self.words = {f.id: _figure_words(f) for f in self.figures}
        self.rules = {f.id: rounding_rule(f) for f in self.figures}
        self.units = {f.id: _unit_of(f.label) for f in self.figures}
        self.by_value: dict[Decimal, list] = {}
        for figure in self.figures:
            self.by_value.setdefault(_value(figure), []).append(figure)

    def with_value(self, value: Decimal):
        return self.by_value.get(Decimal(value).normalize(), [])

    def groups_of(self, claim: Claim) -> list[str]:
        """The figure groups (study.HT-NQ, training.chinh-tri-he…) holding both numbers of
        a claim's ratio or share."""
        values = claim.values
        pair = (
            [values.get(k) for k in ("a", "b")]
            if "a" in values
            else [values.get("part"), values.get("total")]
        )
        if None in pair:
            return []
        groups = None
        for number in pair:
            found = {_group(f.id) for f in self.with_value(Decimal(number))}
            groups = found if groups is None else groups & found
        return sorted(groups or ())

    def rule_for(self, claim: Claim) -> str:
        """The rounding rule of the indicator a claim's rate is about, if the database says."""
        for group in self.groups_of(claim):
            rules = {self.rules[f.id] for f in self.figures if _group(f.id) == group}
            rules.discard("")
            if len(rules) == 1:
                return rules.pop()
        if "p" in claim.values:
            rules = {self.rules[f.id] for f in self.with_value(Decimal(claim.values["p"]))}
            rules.discard("")
            if len(rules) == 1:
                return rules.pop()
        return ""


def _sections(text: str) -> list[tuple[int, set[str]]]:
    """(offset, section keys) of each heading line, in order."""
    found, offset = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if _HEADING.match(stripped) and not stripped.endswith((".", ";", ":")):
            folded = fold(stripped)
            keys = {k for k, words in _SECTION_WORDS.items() if re.search(words, folded)}
            found.append((offset, keys))
        offset += len(line) + 1
    return found


def _section_at(sections, position: int) -> set[str]:
    keys: set[str] = set()
    for offset, found in sections:
        if offset > position:
            break
        keys = found
    return keys


class _Spans:
    """Is a position inside one of these (start, end) spans?"""

    def __init__(self, spans):
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [a for a, _ in merged]
        self.spans = merged

    def covers(self, position: int) -> bool:
        i = bisect.bisect_right(self.starts, position) - 1
        return i >= 0 and position < self.spans[i][1]


class _Bounds:
    """Where the clauses or sentences of a text start and end, found once."""

    def __init__(self, pattern: re.Pattern, text: str):
        self.marks = [(m.start(), m.end()) for m in pattern.finditer(text)]
        self.starts = [a for a, _ in self.marks]
        self.length = len(text)

    def around(self, position: int) -> tuple[int, int]:
        i = bisect.bisect_left(self.starts, position)
        start = self.marks[i - 1][1] if i > 0 else 0
        end = self.marks[i][0] if i < len(self.marks) else self.length
        return start, end


def _context(text: str, clauses: _Bounds, figures_tokens, index: int) -> str:
    """The words about a number: from the previous figure (or clause start) to the next."""
    token = figures_tokens[index]
    start, end = clauses.around(token.start)
    if index > 0 and figures_tokens[index - 1].end > start:
        start = figures_tokens[index - 1].end
    if index + 1 < len(figures_tokens) and figures_tokens[index + 1].start < end:
        end = figures_tokens[index + 1].start
    return text[start : token.start][-80:] + " " + text[token.end : end][:80]


def match_numbers(text: str, figures, index: _Index | None = None) -> list[NumberMatch]:
    """Each figure-like number of the text with the figures that mean it."""
    index = index or _Index(figures)
    sections = _sections(text)
    clauses, sentences = _Bounds(_CLAUSE, text), _Bounds(_SENTENCE, text)
    spans, rows = table_spans(text)
    detail = _Spans(spans)
    row_at = {start: shown for start, _, shown in rows}
    row_spans = _Spans([(start, end) for start, end, _ in rows])
    tokens = [t for t in tokenize(text) if t.kind in FIGURES]
    results = []
    for position, token in enumerate(tokens):
        if detail.covers(token.start):
            continue  # a table's detail row: accounted for by its totals row
        context = _context(text, clauses, tokens, position)
        words = _words(context)
        unit = _UNIT_AFTER.match(text[token.end : token.end + 40])
        section = _section_at(sections, token.start)
        s_start, s_end = sentences.around(token.start)
        sentence = " ".join(text[s_start:s_end].split())
        if row_spans.covers(token.start):  # a table row: quote the row
            sentence = row_at[text.rfind("\n", 0, token.start) + 1]
        if token.kind == PAIR:
            parts, offset = [], token.start
            for raw, value in zip(
                re.split(r"/|\s+(?:trên(?:\s+tổng\s+số)?|trong\s+tổng\s+số)\s+", token.raw),
                token.parts,
                strict=False,
            ):
                offset = text.index(raw, offset)
                parts.append((offset, offset + len(raw), value, raw))
                offset += len(raw)
        else:
            parts = [(token.start, token.end, token.value, token.raw)]
        reportable = token.kind in (PERCENT, PAIR) or unit is not None
        for start, end, value, raw in parts:
            match = NumberMatch(raw, start, end, value, sentence=sentence, reportable=reportable)
            _judge(match, index, words, section, unit.group().strip().lower() if unit else "")
            results.append(match)
    return results


def _score(index: _Index, figure, words: set[str], section: set[str]) -> int:
    score = len(words & index.words[figure.id])
    if (figure.section or figure.id.split(".")[0]) in section:
        score += 2  # the section outweighs a word of the label
    return score


def _judge(match: NumberMatch, index: _Index, words, section, unit: str) -> None:
    same = [(f, _score(index, f, words, section)) for f in index.with_value(match.value)]
    meant = sorted([(s, f) for f, s in same if s > 0], key=lambda sf: -sf[0])
    if meant:
        match.figures = [_describe(f) for _, f in meant]
        return
    if not unit or not match.reportable:
        return
    best, best_score = None, 0
    for figure in index.figures:
        if index.units[figure.id] != unit:
            continue
        score = _score(index, figure, words, section)
        if score > best_score:
            best, best_score = figure, score
    # Plainly the same thing: the same unit of counting, and its subject (three word pairs
    # of the label, or its section and one pair).
    if best is not None and best_score >= 3:
        match.contradicts = _describe(best)


def _describe(figure) -> dict:
    return {
        "id": figure.id,
        "label": figure.label,
        "display": figure.display,
        "url": (figure.source or {}).get("url", ""),
    }


def verify(text: str, figures=None) -> Verification:
    """The claims of `text` with their verdicts; with `figures`, every number matched too,
    and each rate checked with its indicator's rounding rule."""
    text = text.replace("\r\n", "\n")  # a textarea sends CRLF
    if figures is None:
        return Verification(text, check_text(text))
    index = _Index(figures)
    claims = all_claims(text)
    table_rule: dict[str, str] = {}
    for claim in claims:
        claim.rounding = index.rule_for(claim)
        if claim.where and claim.rounding:
            table_rule.setdefault(claim.where.split(",")[0], claim.rounding)
    for claim in claims:  # a table's detail rows follow the rule of its totals row
        if claim.where and not claim.rounding:
            claim.rounding = table_rule.get(claim.where.split(",")[0], "")
    numbers = match_numbers(text, figures, index)
    for claim in claims:  # a rate next to its ratio means that ratio's indicator
        if "p" not in claim.values:
            continue
        rates = [
            f
            for group in index.groups_of(claim)
            for f in index.with_value(Decimal(claim.values["p"]))
            if _group(f.id) == group
        ]
        for number in numbers:
            inside = claim.start <= number.start < claim.end
            if inside and not number.figures and number.value == claim.values["p"]:
                number.figures = [_describe(f) for f in rates]
    return Verification(text, check_text(text, claims), numbers)
