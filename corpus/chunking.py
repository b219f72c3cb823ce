"""Cutting a document into passages: headings become sections, lists stay with their lead-in."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from corpus.documents import Document
from corpus.passage import Passage, Span

_BLOCK = re.compile(r"\S(?:.*\S)?(?:\n[ \t]*\S(?:.*\S)?)*")
_BULLET = re.compile(r"[ \t]*(?:[•·*\-–]|\d{1,2}[.)])[ \t]+")
_SENTENCE_END = re.compile(r"[.!?][”\"’)]*(?=\s+[\"“(]?[A-Z0-9])")
_MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "between",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "of",
        "on",
        "or",
        "the",
        "to",
        "vs",
        "with",
    ]
)
_MAX_HEADING_CHARS = 90


class BlockKind(Enum):
    """What a run of non-blank lines is."""

    HEADING = "heading"
    LIST = "list"
    PARAGRAPH = "paragraph"


@dataclass(frozen=True)
class Block:
    """A run of non-blank lines and its absolute offsets."""

    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True)
class Chunks:
    """The passages of a document and the lines a person should fix in the source."""

    passages: list[Passage]
    warnings: list[str]
    # (position of a passage in ``passages``, a question it answers): see ``PassageQuestions``.
    questions: list[tuple[int, str]] = field(default_factory=list)


def split_blocks(text: str) -> list[Block]:
    """Split text at blank lines and say what each block is."""
    spans = [(m.start(), m.end()) for m in _BLOCK.finditer(text)]
    blocks = []
    for i, (start, end) in enumerate(spans):
        body = text[start:end]
        if _BULLET.match(body):
            kind = BlockKind.LIST
        elif i + 1 < len(spans) and _looks_like_heading(body):
            kind = BlockKind.HEADING
        else:
            kind = BlockKind.PARAGRAPH
        blocks.append(Block(kind, start, end))
    return blocks


def _looks_like_heading(line: str) -> bool:
    if "\n" in line or len(line) > _MAX_HEADING_CHARS or line[-1] in ".:;,":
        return False
    words = re.findall(r"[A-Za-z][\w’'-]*", line)
    return bool(words) and all(w[0].isupper() for w in words if w.lower() not in _MINOR_WORDS)


def split_sentences(text: str, start: int, end: int) -> list[Span]:
    """Absolute spans of the sentences in ``text[start:end]``; each list item is one sentence."""
    spans: list[Span] = []
    body = text[start:end]
    if _BULLET.match(body):
        items = [m.start() for m in re.finditer(r"(?m)^" + _BULLET.pattern, body)]
        for i, item_start in enumerate(items):
            item_end = items[i + 1] if i + 1 < len(items) else len(body)
            marker = _BULLET.match(body, item_start)
            content_start = marker.end() if marker else item_start
            spans.append(_strip(text, start + content_start, start + item_end))
        return spans
    cursor = 0
    for match in _SENTENCE_END.finditer(body):
        spans.append(_strip(text, start + cursor, start + match.end()))
        cursor = match.end()
    if body[cursor:].strip():
        spans.append(_strip(text, start + cursor, end))
    return spans


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def chunk_document(doc: Document) -> Chunks:
    """Passages of ``doc``: one per paragraph, a lead-in ending in ':' joined with its list.

    A lead-in with no list after it is left out and reported, so staff can fix the source.
    """
    blocks = split_blocks(doc.text)
    passages: list[Passage] = []
    warnings: list[str] = []
    section = doc.intro_section
    i = 0
    while i < len(blocks):
        block = blocks[i]
        body = doc.text[block.start : block.end]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if block.kind is BlockKind.HEADING:
            section = body
            i += 1
            continue
        if block.kind is BlockKind.PARAGRAPH and body.endswith(":"):
            if nxt is None or nxt.kind is not BlockKind.LIST:
                line = doc.text.count("\n", 0, block.start) + 1
                warnings.append(
                    f"{doc.id} line {line}: {body!r} introduces a list that is missing;"
                    " it was left out of the index (fix the source)"
                )
                i += 1
                continue
            passages.append(_passage(doc, section, block.start, nxt.end))
            i += 2
            continue
        if block.kind is BlockKind.LIST:
            # A list with no lead-in (e.g. key takeaways): each item stands alone.
            for item in split_sentences(doc.text, block.start, block.end):
                passages.append(_passage(doc, section, *item))
        else:
            passages.append(_passage(doc, section, block.start, block.end))
        i += 1
    return Chunks(passages, warnings)


def _passage(doc: Document, section: str, start: int, end: int) -> Passage:
    text = doc.text
    sentences: list[Span] = []
    for block in split_blocks(text[start:end]):
        sentences += split_sentences(text, start + block.start, start + block.end)
    return Passage(
        doc_id=doc.id,
        source=doc.title,
        section=section,
        text=text[start:end],
        start=start,
        end=end,
        sentences=tuple(sentences),
    )


def chunk_corpus(documents: list[Document]) -> Chunks:
    """Chunk every document, keeping the order of the catalog, with the questions each
    passage answers."""
    passages: list[Passage] = []
    warnings: list[str] = []
    questions: list[tuple[int, str]] = []
    for doc in documents:
        chunks = chunk_document(doc)
        first = len(passages)
        passages += chunks.passages
        warnings += chunks.warnings
        placed, unplaced = place_questions(doc, chunks.passages)
        questions += [(first + position, question) for position, question in placed]
        warnings += unplaced
    return Chunks(passages, warnings, questions)


def place_questions(
    doc: Document, passages: list[Passage]
) -> tuple[list[tuple[int, str]], list[str]]:
    """Each of the document's questions with the position of its passage among ``passages``
    (the one whose text holds the entry's quote), and warnings. A quote that no passage holds,
    or several do, is reported and its questions left out: the article was edited, or the
    quote is too short to tell."""
    placed: list[tuple[int, str]] = []
    warnings: list[str] = []
    for entry in doc.questions:
        holders = [i for i, passage in enumerate(passages) if entry.quote in passage.text]
        if len(holders) == 1:
            placed += [(holders[0], question) for question in entry.questions]
            continue
        where = "no passage" if not holders else f"{len(holders)} passages"
        warnings.append(
            f"{doc.id}: the questions quoting {entry.quote!r} were left out: {where} of the"
            " document holds that quote (fix the questions file)"
        )
    return placed, warnings
