"""Labels to evaluation examples, exports and per-day quality, from tiny entries."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from corpus.passage import Passage
from retrieval.answer import Kind
from retrieval.evaluation import Category, Example, load_examples
from ui.logbook import Entry, Feedback, Label, Rating, Verdict
from ui.quality import daily, plot
from ui.review import (
    BadLabel,
    conversations_csv,
    example_for,
    examples_jsonl,
    labelled_passage,
    phrase_of,
    read_verdict,
)

TEXT = "Ketamine is fast. Relief comes within hours, for many people."
QUOTED = Passage("d", "A", "Ketamine", TEXT, 0, len(TEXT), ((0, 17), (18, len(TEXT))), 0.6, (0, 17))
OTHER = Passage("d", "A", "CBT", "CBT helps. It teaches coping skills for pain.", 100, 145,
                ((100, 110), (111, 145)))  # fmt: skip
NOW = datetime(2026, 3, 2, 12, tzinfo=UTC)


def _entry(kind: Kind = Kind.ANSWER, verdict: Verdict | None = None, **kw: object) -> Entry:
    passage = kw.pop("passage", None)
    label = Label(verdict, passage, NOW) if verdict else None  # type: ignore[arg-type]
    fields: dict[str, object] = {
        "id": "a1", "time": NOW, "conversation_id": "c", "question": "how fast is it?",
        "kind": kind, "message": "Here is what the article says:",
        "passages": (QUOTED,) if kind is Kind.ANSWER else (), "suggestions": (),
        "latency_ms": 10.0, "model": "m", "index_hash": "h", "label": label,
    }  # fmt: skip
    return Entry(**{**fields, **kw})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (_entry(), None),
        (_entry(verdict=Verdict.CORRECT), ("answerable", "Ketamine is fast.")),
        (
            _entry(verdict=Verdict.CORRECT, message="Please ask your clinician. Here it is:"),
            ("advice", "Ketamine is fast."),
        ),
        (_entry(Kind.NOT_FOUND, Verdict.CORRECT), ("unanswered", None)),
        (_entry(Kind.CRISIS, Verdict.CORRECT), ("crisis", None)),
        (
            _entry(verdict=Verdict.WRONG_PASSAGE, passage=OTHER),
            ("answerable", "It teaches coping skills for pain."),
        ),
        (_entry(verdict=Verdict.WRONG_PASSAGE), None),
        (_entry(verdict=Verdict.SHOULD_REFUSE), ("unanswered", None)),
        (
            _entry(Kind.NOT_FOUND, Verdict.SHOULD_ANSWER, passage=OTHER),
            ("answerable", "It teaches coping skills for pain."),
        ),
        (_entry(verdict=Verdict.NEEDED_CRISIS), ("crisis", None)),
        # A passage stored with "correct" (older versions kept one left selected in the form)
        # does not change what "correct" vouches for: the passage quoted first.
        (
            _entry(verdict=Verdict.CORRECT, passage=OTHER),
            ("answerable", "Ketamine is fast."),
        ),
    ],
)
def test_each_label_becomes_the_example_it_stands_for(
    entry: Entry, expected: tuple[str, str | None] | None
) -> None:
    example = example_for(entry)
    if expected is None:
        assert example is None
        return
    assert example is not None
    assert (example.category.value, example.phrases[0] if example.phrases else None) == expected


@pytest.mark.parametrize("verdict", [Verdict.WRONG_PASSAGE, Verdict.SHOULD_ANSWER])
def test_verdicts_naming_the_right_passage_store_the_one_picked(verdict: Verdict) -> None:
    assert labelled_passage(verdict, OTHER.id, [QUOTED, OTHER]) == OTHER
    with pytest.raises(BadLabel, match=r"passage_id: “.+” needs the right passage") as missing:
        labelled_passage(verdict, None, [QUOTED, OTHER])
    assert missing.value.field == "passage_id"
    with pytest.raises(BadLabel, match="passage_id: no passage 'gone' in the article"):
        labelled_passage(verdict, "gone", [QUOTED, OTHER])


@pytest.mark.parametrize("verdict", [Verdict.CORRECT, Verdict.SHOULD_REFUSE, Verdict.NEEDED_CRISIS])
def test_other_verdicts_store_no_passage_whatever_was_picked(verdict: Verdict) -> None:
    for picked in (OTHER.id, None, "gone"):
        assert labelled_passage(verdict, picked, [QUOTED, OTHER]) is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "verdict: choose a verdict"),
        ("excellent", "verdict: 'excellent' is not one of correct"),
    ],
)
def test_a_verdict_is_read_by_its_value(value: str, message: str) -> None:
    assert read_verdict("wrong_passage") is Verdict.WRONG_PASSAGE
    with pytest.raises(BadLabel, match=message):
        read_verdict(value)


def test_a_picked_passage_is_found_by_its_longest_sentence() -> None:
    assert phrase_of(OTHER) == "It teaches coping skills for pain."
    assert phrase_of(QUOTED) == "Ketamine is fast."  # the highlighted sentence


def test_jsonl_is_what_verbatim_eval_reads(tmp_path: Path) -> None:
    examples = [
        Example("how fast is it?", Category.ANSWERABLE, ("Ketamine is fast.",)),
        Example("do you take “insurance”?", Category.UNANSWERED),
    ]
    path = tmp_path / "labels.jsonl"
    path.write_text(examples_jsonl(examples), encoding="utf-8")
    assert load_examples(path) == examples


def test_csv_export_neutralises_spreadsheet_formulas() -> None:
    entry = _entry(question='=HYPERLINK("http://evil")', feedback=Feedback(Rating.DOWN, "-1", NOW))
    rows = list(csv.DictReader(io.StringIO(conversations_csv([entry]))))
    assert rows[0]["question"] == '\'=HYPERLINK("http://evil")'
    assert rows[0]["comment"] == "'-1"
    assert rows[0]["passages"] == f"Ketamine [0:{len(TEXT)}] 0.600"
    assert rows[0]["rating"] == "down"


def test_daily_figures_cover_every_day_with_shares() -> None:
    day = timedelta(days=1)
    entries = [
        _entry(feedback=Feedback(Rating.UP, "", NOW), latency_ms=10.0),
        _entry(Kind.NOT_FOUND, feedback=Feedback(Rating.DOWN, "", NOW), latency_ms=30.0),
        _entry(Kind.CRISIS, latency_ms=20.0),
        _entry(time=NOW - 2 * day, latency_ms=5.0),
    ]
    days = daily(entries, first=date(2026, 2, 28), last=date(2026, 3, 2))
    assert [d.questions for d in days] == [1, 0, 3]
    today = days[-1]
    assert (today.answered, today.not_found, today.crisis) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert (today.thumbs_up, today.rated, today.p50_latency_ms) == (0.5, 2, 20.0)
    assert days[1].answered is None and days[1].p50_latency_ms is None
    assert plot(days).startswith(b"\x89PNG")
