"""The one data type that flows from the corpus to the screen."""

from __future__ import annotations

from dataclasses import dataclass

Span = tuple[int, int]


@dataclass(frozen=True)
class Passage:
    """A verbatim slice of a document: ``document.text[start:end] == text``.

    ``sentences`` are absolute ``(start, end)`` spans of the sentences (or list items)
    inside the passage; ``score`` and ``highlight`` are assigned by retrieval.
    """

    doc_id: str
    source: str
    section: str
    text: str
    start: int
    end: int
    sentences: tuple[Span, ...] = ()
    score: float = 0.0
    highlight: Span | None = None

    @property
    def id(self) -> str:
        """A stable id: the document and the offsets."""
        return f"{self.doc_id}:{self.start}-{self.end}"

    def slice(self, span: Span) -> str:
        """The text of an absolute span that lies inside this passage."""
        start, end = span
        if not (self.start <= start <= end <= self.end):
            raise ValueError(f"span {span} lies outside passage {self.id}")
        return self.text[start - self.start : end - self.start]

    @property
    def highlight_text(self) -> str:
        """The highlighted sentence, or the first sentence when none was chosen."""
        span = self.highlight or (self.sentences[0] if self.sentences else (self.start, self.end))
        return self.slice(span)
