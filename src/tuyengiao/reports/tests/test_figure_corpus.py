"""The checker against a hand-written corpus of Vietnamese report sentences (figure_corpus.py).

Each sentence carries the verdicts a careful reader gives; the tests run every one, check
that every not-a-claim pattern is exercised, and measure precision and recall of the
checker at finding wrong figures (printed with `pytest -s`).
"""

import pytest

from tuyengiao.reports.checker import check_text
from tuyengiao.reports.claims import FIGURES, NOT_A_CLAIM, tokenize

from .figure_corpus import (
    CORPUS,
    HELD_OUT,
    HELD_OUT_2,
    HELD_OUT_3,
    NOT_CLAIMS,
    PARAGRAPHS,
    WRONG,
)


def _ids(entries):
    return [text[:60] for text, _ in entries]


@pytest.mark.parametrize(("text", "expected"), CORPUS, ids=_ids(CORPUS))
def test_each_corpus_sentence_gets_the_verdicts_a_reader_gives(text, expected):
    claims = check_text(text)
    assert [(c.kind, c.verdict) for c in claims] == [tuple(e) for e in expected]
    assert all(c.message for c in claims)


@pytest.mark.parametrize(
    ("text", "expected"),
    HELD_OUT + HELD_OUT_2 + HELD_OUT_3,
    ids=_ids(HELD_OUT + HELD_OUT_2 + HELD_OUT_3),
)
def test_held_out_sentences_get_the_verdicts_a_reader_gives(text, expected):
    claims = check_text(text)
    assert [(c.kind, c.verdict) for c in claims] == [tuple(e) for e in expected]


@pytest.mark.parametrize(("pattern", "text"), NOT_CLAIMS, ids=[p for p, _ in NOT_CLAIMS])
def test_numbers_that_are_not_figures_make_no_claim(pattern, text):
    # when
    claims = check_text(text)
    kinds = {token.kind for token in tokenize(text)}

    # then: no claim, and the pattern named is the one that recognised a number
    assert claims == []
    assert pattern in kinds, f"{pattern} not among {kinds}"


@pytest.mark.parametrize(
    ("text", "expected"), PARAGRAPHS, ids=["news", "news-with-errors", "ward", "ward-with-errors"]
)
def test_whole_paragraphs_of_party_news_get_the_verdicts_a_reader_gives(text, expected):
    claims = check_text(text)
    assert [(c.kind, c.verdict) for c in claims] == [tuple(e) for e in expected]


def test_every_not_a_claim_pattern_has_sentences_in_the_corpus():
    assert {pattern for pattern, _ in NOT_CLAIMS} == set(NOT_A_CLAIM)


def test_the_corpus_has_at_least_80_sentences_covering_every_kind_and_verdict():
    entries = CORPUS + HELD_OUT + HELD_OUT_2 + HELD_OUT_3
    assert len(entries) + len(NOT_CLAIMS) >= 80
    expected = {pair for _, claims in entries for pair in claims}
    kinds = {kind for kind, _ in expected}
    verdicts = {verdict for _, verdict in expected}
    assert kinds == {"ratio", "completeness", "sum", "share", "growth", "rate"}
    assert verdicts == {"ok", "rounding", "wrong", "format", "unchecked"}


def test_nothing_is_called_correct_without_being_recomputed():
    for text, _ in CORPUS + HELD_OUT + HELD_OUT_2 + HELD_OUT_3:
        for claim in check_text(text):
            if claim.verdict != "ok":
                continue
            values = claim.values
            recomputed = (
                "p" in values
                or (claim.kind == "sum" and sum(values["parts"]) == values["total"])
                or (claim.kind == "completeness" and values["a"] == values["b"])
                or (claim.kind == "growth" and "base" in values)
            )
            assert recomputed, claim.text


def _wrong_detection(entries):
    """(true positives, false positives, false negatives) of wrong verdicts, claim by claim."""
    tp = fp = fn = 0
    for text, expected in entries:
        got = [c.verdict == WRONG for c in check_text(text)]
        want = [verdict == WRONG for _, verdict in expected]
        got += [False] * (len(want) - len(got))
        want += [False] * (len(got) - len(want))
        for g, w in zip(got, want, strict=True):
            tp += g and w
            fp += g and not w
            fn += w and not g
    return tp, fp, fn


def test_precision_and_recall_of_wrong_figures_on_the_corpus():
    # given every sentence, the not-a-claim ones included (any wrong there is a false alarm)
    entries = (
        CORPUS + HELD_OUT + HELD_OUT_2 + HELD_OUT_3 + PARAGRAPHS + [(t, []) for _, t in NOT_CLAIMS]
    )

    # when
    tp, fp, fn = _wrong_detection(entries)

    # then
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(
        f"\nwrong figures: {tp + fn} in {len(entries)} sentences; found {tp}, missed {fn}, "
        f"false alarms {fp}; precision {precision:.0%}, recall {recall:.0%}"
    )
    assert tp + fn >= 30
    assert recall == 1.0 and fp == 0


@pytest.mark.parametrize(
    "pattern", ["phone_number", "house_number", "legal_article", "document_number", "date"]
)
def test_slashes_and_digits_of_addresses_phones_articles_and_dates_are_no_figure(pattern):
    for name, text in NOT_CLAIMS:
        if name == pattern:
            assert [t.raw for t in tokenize(text) if t.kind in FIGURES] == [], text


def test_parts_listed_without_va_that_do_not_add_up_are_unchecked_not_wrong():
    # "trong đó" may list only some of the parts; without "và" the list may be partial
    text = "Đăng 4.690 bài viết, trong đó 120 bài về gương điển hình, 85 bài phản bác."

    claims = check_text(text)

    assert [(c.kind, c.verdict) for c in claims] == [("sum", "unchecked")]
    assert claims[0].message.startswith("Chưa kiểm tra được: 120 + 85 = 205")
