"""The HTTP contract of /api: request and response models (Pydantic lives only here)."""

from __future__ import annotations

import unicodedata
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, field_validator

from retrieval.answer import Answer

MAX_QUESTION_CHARS = 1000
MAX_COMMENT_CHARS = 1000
ZERO_WIDTH_JOINER = "\u200d"  # holds emoji sequences together: kept


def clean_text(text: str) -> str:
    """A visitor's text as the article's words can match it and every database can store it.

    NFKC folds look-alike letters phones and fonts produce ("ＷＨＡＴ", "𝐤𝐞𝐭𝐚𝐦𝐢𝐧𝐞") into plain
    ones; control characters (NUL, which PostgreSQL refuses) become spaces; invisible format
    characters (zero-width spaces, soft hyphens: "keta\u200bmine" is ketamine) and lone
    surrogates (which no encoder writes) go.
    """
    text = unicodedata.normalize("NFKC", text)
    kept = []
    for char in text:
        kind = unicodedata.category(char)
        if kind == "Cc" and char not in "\n\t":
            kept.append(" ")
        elif kind == "Cs" or (kind == "Cf" and char != ZERO_WIDTH_JOINER):
            continue
        else:
            kept.append(char)
    return "".join(kept).strip()


def _clean_within(value: str, limit: int) -> str:
    """``clean_text``, refusing what folding made longer than ``limit`` ("ﷺ" is 18 letters)."""
    value = clean_text(value)
    if len(value) > limit:
        raise ValueError(f"String should have at most {limit} characters")
    return value


# Answer ids, and the random per-chat-session conversation id a client sends: short and plain.
PlainId = Annotated[StrictStr, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


class AskRequest(BaseModel):
    """A visitor's question."""

    model_config = ConfigDict(extra="forbid")

    question: StrictStr = Field(max_length=MAX_QUESTION_CHARS)
    top_k: Annotated[StrictInt, Field(ge=1, le=10)] = 3
    conversation_id: PlainId | None = None

    @field_validator("question")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        value = _clean_within(value, MAX_QUESTION_CHARS)
        if not value:
            raise ValueError("the question is empty")
        return value


class PassageOut(BaseModel):
    """One quote, verbatim: ``source_text[start:end] == quote``."""

    quote: str
    highlight: str
    section: str
    source: str
    start: int
    end: int
    score: float


class ResourceOut(BaseModel):
    """A crisis line."""

    name: str
    contact: str
    url: str


class AskResponse(BaseModel):
    """The answer contract of v1: later work and outside clients rely on these names."""

    id: str
    kind: Literal["answer", "not_found", "crisis"]
    message: str
    passages: list[PassageOut]
    resources: list[ResourceOut]
    suggestions: list[str]
    disclaimer: str
    conversation_id: str | None = None  # send it back with the next question of the chat

    @classmethod
    def from_answer(cls, answer: Answer, *, conversation_id: str | None = None) -> AskResponse:
        """Convert the domain answer at the HTTP edge."""
        return cls(
            id=answer.id,
            conversation_id=conversation_id,
            kind=answer.kind.value,
            message=answer.message,
            passages=[
                PassageOut(
                    quote=p.text,
                    highlight=p.highlight_text,
                    section=p.section,
                    source=p.source,
                    start=p.start,
                    end=p.end,
                    score=p.score,
                )
                for p in answer.passages
            ],
            resources=[
                ResourceOut(name=r.name, contact=r.contact, url=r.url) for r in answer.resources
            ],
            suggestions=answer.suggestions,
            disclaimer=answer.disclaimer,
        )


class HealthResponse(BaseModel):
    """What is loaded and serving."""

    status: Literal["ok"]
    model: str
    passages: int
    index_hash: str
    corpus_hash: str
    built_at: str
    logging: LoggingHealth | None = None


class LoggingHealth(BaseModel):
    """Whether answers are being logged: a failing database never stops answering."""

    status: Literal["ok", "failing"]
    failures: int  # failed writes since start-up


class FeedbackRequest(BaseModel):
    """A visitor's 👍/👎 on one answer, with an optional comment."""

    model_config = ConfigDict(extra="forbid")

    answer_id: PlainId
    rating: Literal["up", "down"]
    comment: StrictStr = Field(default="", max_length=MAX_COMMENT_CHARS)

    @field_validator("comment")
    @classmethod
    def _clean_comment(cls, value: str) -> str:
        return _clean_within(value, MAX_COMMENT_CHARS)


class StaffPassageOut(BaseModel):
    """A quoted (or staff-picked) passage as stored in the log."""

    id: str
    quote: str
    section: str
    source: str
    start: int
    end: int
    score: float


class StaffFeedbackOut(BaseModel):
    """The visitor's feedback on an answer."""

    rating: Literal["up", "down"]
    comment: str
    time: str


class StaffLabelOut(BaseModel):
    """Staff's verdict on an answer."""

    verdict: str
    passage: StaffPassageOut | None
    time: str


class StaffAnswerOut(BaseModel):
    """One logged answer, for staff."""

    id: str
    time: str
    conversation_id: str
    question: str
    kind: Literal["answer", "not_found", "crisis"]
    message: str
    passages: list[StaffPassageOut]
    suggestions: list[str]
    latency_ms: float
    model: str
    index_hash: str
    feedback: StaffFeedbackOut | None
    label: StaffLabelOut | None


class LabelRequest(BaseModel):
    """Staff's verdict on an answer; wrong_passage and should_answer need the right passage."""

    model_config = ConfigDict(extra="forbid")

    verdict: Literal["correct", "wrong_passage", "should_refuse", "should_answer", "needed_crisis"]
    passage_id: StrictStr | None = None
