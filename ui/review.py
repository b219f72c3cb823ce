"""Staff labels turned into evaluation examples, and the exports of the log."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence

from corpus.passage import Passage
from retrieval.answer import Kind
from retrieval.evaluation import Category, Example
from ui.logbook import Entry, Verdict

NEEDS_PASSAGE = frozenset({Verdict.WRONG_PASSAGE, Verdict.SHOULD_ANSWER})
VERDICT_NAMES = {
    Verdict.CORRECT: "correct",
    Verdict.WRONG_PASSAGE: "wrong passage",
    Verdict.SHOULD_REFUSE: "should have refused",
    Verdict.SHOULD_ANSWER: "should have answered",
    Verdict.NEEDED_CRISIS: "needed crisis resources",
}


class BadLabel(ValueError):
    """A label that cannot be stored as given; ``field`` names the request field at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def read_verdict(value: str) -> Verdict:
    """The verdict a form or request names, by its value (``wrong_passage``)."""
    if not value:
        raise BadLabel("verdict", "choose a verdict")
    try:
        return Verdict(value)
    except ValueError:
        names = ", ".join(v.value for v in Verdict)
        raise BadLabel("verdict", f"{value[:40]!r} is not one of {names}") from None


def labelled_passage(
    verdict: Verdict, passage_id: str | None, passages: Sequence[Passage]
) -> Passage | None:
    """The passage stored with a verdict: the one picked, for the verdicts that name the right
    passage; none for the others, whatever was picked (a passage still selected in the form
    from an earlier label must not turn "correct" into "correct, but about another passage")."""
    if verdict not in NEEDS_PASSAGE:
        return None
    if not passage_id:
        raise BadLabel("passage_id", f"“{VERDICT_NAMES[verdict]}” needs the right passage")
    passage = next((p for p in passages if p.id == passage_id), None)
    if passage is None:
        raise BadLabel("passage_id", f"no passage {passage_id!r} in the article")
    return passage


def phrase_of(passage: Passage) -> str:
    """The text an evaluation looks for: the highlighted sentence, else the longest one."""
    if passage.highlight is not None:
        return passage.slice(passage.highlight)
    spans = passage.sentences or ((passage.start, passage.end),)
    return max((passage.slice(span) for span in spans), key=len)


def example_for(entry: Entry) -> Example | None:
    """The evaluation example a labelled answer stands for (None when it is unlabelled)."""
    label = entry.label
    if label is None:
        return None
    verdict, question = label.verdict, entry.question
    if verdict is Verdict.NEEDED_CRISIS:
        return Example(question, Category.CRISIS)
    if verdict is Verdict.SHOULD_REFUSE:
        return Example(question, Category.UNANSWERED)
    if verdict in NEEDS_PASSAGE:
        if label.passage is None:
            return None
        return Example(question, Category.ANSWERABLE, (phrase_of(label.passage),))
    if entry.kind is Kind.CRISIS:
        return Example(question, Category.CRISIS)
    # "correct" vouches for what was quoted first; a passage stored with it by older versions
    # was left selected in the form from an earlier label, not chosen.
    passage = entry.passages[0] if entry.passages else None
    if entry.kind is Kind.NOT_FOUND or passage is None:
        return Example(question, Category.UNANSWERED)
    advice = "clinician" in entry.message  # the answer sent the visitor to their clinician
    category = Category.ADVICE if advice else Category.ANSWERABLE
    return Example(question, category, (phrase_of(passage),))


def labelled_examples(entries: Iterable[Entry]) -> list[Example]:
    """The examples of every labelled entry."""
    return [e for e in map(example_for, entries) if e is not None]


def examples_jsonl(examples: Iterable[Example]) -> str:
    """Examples in the format ``verbatim eval`` reads: ``{"question", "category", "phrase"}``."""
    lines = []
    for example in examples:
        row: dict[str, str] = {"question": example.question, "category": example.category.value}
        if example.phrases:
            row["phrase"] = example.phrases[0]
        lines.append(json.dumps(row, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)


CSV_COLUMNS = (
    "id", "time", "conversation_id", "question", "kind", "message", "top_score", "latency_ms",
    "model", "index_hash", "passages", "rating", "comment", "verdict", "label_passage",
)  # fmt: skip


def conversations_csv(entries: Iterable[Entry]) -> str:
    """The log as CSV; cells a spreadsheet would run as a formula are made plain text."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for e in entries:
        passages = "; ".join(f"{p.section} [{p.start}:{p.end}] {p.score:.3f}" for p in e.passages)
        label_passage = e.label.passage if e.label else None
        row = [
            e.id, e.time.isoformat(timespec="seconds"), e.conversation_id, e.question,
            e.kind.value, e.message, "" if e.top_score is None else f"{e.top_score:.4f}",
            f"{e.latency_ms:.1f}", e.model, e.index_hash, passages,
            e.feedback.rating.value if e.feedback else "", e.feedback.comment if e.feedback else "",
            e.label.verdict.value if e.label else "",
            f"{label_passage.section} [{label_passage.start}:{label_passage.end}]"
            if label_passage else "",
        ]  # fmt: skip
        writer.writerow([_plain_cell(cell) for cell in row])
    return out.getvalue()


def _plain_cell(cell: str) -> str:
    """Visitors write questions: one starting with = + - @ must not run in a spreadsheet."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell
