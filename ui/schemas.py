"""The HTTP contract of /api: request and response models (Pydantic lives only here)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, field_validator

from retrieval.answer import Answer

MAX_QUESTION_CHARS = 1000


class AskRequest(BaseModel):
    """A visitor's question."""

    model_config = ConfigDict(extra="forbid")

    question: StrictStr = Field(max_length=MAX_QUESTION_CHARS)
    top_k: Annotated[StrictInt, Field(ge=1, le=10)] = 3

    @field_validator("question")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the question is empty")
        return value.strip()


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

    @classmethod
    def from_answer(cls, answer: Answer) -> AskResponse:
        """Convert the domain answer at the HTTP edge."""
        return cls(
            id=answer.id,
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
