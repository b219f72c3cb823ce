"""The FAISS index of passages and their sentences, saved with a manifest beside it."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import faiss
import numpy as np
import numpy.typing as npt

from corpus.passage import Passage
from retrieval.encoder import Encoder, Vectors
from retrieval.errors import IndexError_, StaleIndexError

FORMAT = 5
_FILES = (
    "passages.jsonl",
    "passages.faiss",
    "sentences.faiss",
    "sections.faiss",
    "tokens.npz",
    "questions.npz",
)


@dataclass(frozen=True)
class Manifest:
    """What an index was built from, so a stale one is noticed."""

    model: str
    model_fingerprint: str
    corpus_hash: str
    passage_count: int
    sentence_count: int
    built_at: str
    index_hash: str = ""
    format: int = FORMAT


@dataclass
class PassageIndex:
    """Passages with one vector each, one per sentence, and one for each one's section title."""

    passages: list[Passage]
    passage_vectors: faiss.Index
    sentence_vectors: faiss.Index
    section_vectors: faiss.Index  # row i: the title of passage i's section
    sentence_owner: list[int]  # sentence row -> passage position
    manifest: Manifest
    # Every word piece of every passage (unit vectors, passage after passage), and the row
    # where each passage's pieces start: for late interaction with the question's pieces.
    token_vectors: Vectors
    token_starts: npt.NDArray[np.int64]
    # Questions the catalog says a passage answers (``PassageQuestions``): their texts, unit
    # vectors and the position of the passage each belongs to. Empty when there are none.
    questions: list[str] = field(default_factory=list)
    question_vectors: Vectors = field(default_factory=lambda: np.zeros((0, 0), np.float32))
    question_owner: npt.NDArray[np.int64] = field(
        default_factory=lambda: np.zeros(0, dtype=np.int64)
    )


def build_index(
    passages: list[Passage],
    encoder: Encoder,
    *,
    corpus_hash: str,
    questions: Sequence[tuple[int, str]] = (),
) -> PassageIndex:
    """Embed passages, their sentences, their section titles and the questions they answer
    (``questions``: (passage position, question) pairs).

    Text and title are embedded apart: prefixing the title to the text blurred every passage
    of a section together and cost 5 points of hit@1 (docs/quality.md).
    """
    if not passages:
        raise IndexError_("no passages to index: the corpus produced none")
    owner = [i for i, p in enumerate(passages) for _ in p.sentences]
    sentences = [p.slice(s) for p in passages for s in p.sentences]
    manifest = Manifest(
        model=encoder.name,
        model_fingerprint=encoder.fingerprint,
        corpus_hash=corpus_hash,
        passage_count=len(passages),
        sentence_count=len(sentences),
        built_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    encoded = encoder.encode_tokens([p.text for p in passages])
    for passage, pieces in zip(passages, encoded.tokens, strict=True):
        if len(pieces) == 0:  # late interaction needs at least one piece per passage
            raise IndexError_(f"passage {passage.id} has no words the model can read")
    return PassageIndex(
        passages=passages,
        passage_vectors=_flat(encoded.vectors),
        sentence_vectors=_flat(encoder.encode(sentences)),
        section_vectors=_flat(encoder.encode([p.section for p in passages])),
        sentence_owner=owner,
        manifest=manifest,
        token_vectors=np.concatenate(encoded.tokens),
        token_starts=np.cumsum([0] + [len(t) for t in encoded.tokens[:-1]], dtype=np.int64),
        questions=[question for _, question in questions],
        question_vectors=(
            encoder.encode([question for _, question in questions])
            if questions
            else np.zeros((0, encoded.vectors.shape[1]), dtype=np.float32)
        ),
        question_owner=np.asarray([position for position, _ in questions], dtype=np.int64),
    )


def _flat(vectors: Vectors) -> faiss.IndexFlatIP:
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors)
    return index


def save_index(index: PassageIndex, folder: Path) -> Manifest:
    """Write the index files and a manifest whose ``index_hash`` covers them."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "passages.jsonl").open("w", encoding="utf-8") as handle:
        for passage in index.passages:
            row = dataclasses.asdict(passage)
            del row["score"], row["highlight"]
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    faiss.write_index(index.passage_vectors, str(folder / "passages.faiss"))
    faiss.write_index(index.sentence_vectors, str(folder / "sentences.faiss"))
    faiss.write_index(index.section_vectors, str(folder / "sections.faiss"))
    with (folder / "tokens.npz").open("wb") as handle:
        np.savez(handle, vectors=index.token_vectors, starts=index.token_starts)
    with (folder / "questions.npz").open("wb") as handle:
        np.savez(
            handle,
            texts=np.asarray(index.questions, dtype=str),
            vectors=index.question_vectors,
            owner=index.question_owner,
        )
    manifest = dataclasses.replace(index.manifest, index_hash=_hash_files(folder))
    (folder / "manifest.json").write_text(
        json.dumps(dataclasses.asdict(manifest), indent=2), encoding="utf-8"
    )
    index.manifest = manifest
    return manifest


def read_manifest(folder: Path) -> Manifest | None:
    """The manifest of a saved index, or None when there is none or it is unreadable."""
    try:
        data = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        manifest = Manifest(**data)
    except (OSError, ValueError, TypeError):
        return None
    return manifest if manifest.format == FORMAT else None


def check_fresh(manifest: Manifest | None, *, corpus_hash: str, encoder_fingerprint: str) -> None:
    """Raise StaleIndexError naming what differs between the saved index and now."""
    if manifest is None:
        raise StaleIndexError("no usable index manifest: the index must be built")
    if manifest.corpus_hash != corpus_hash:
        raise StaleIndexError(
            f"index was built from corpus {manifest.corpus_hash}, the corpus is now {corpus_hash}"
        )
    if manifest.model_fingerprint != encoder_fingerprint:
        raise StaleIndexError(
            f"index was built with model {manifest.model} ({manifest.model_fingerprint}),"
            f" the settings ask for {encoder_fingerprint}"
        )


def load_index(folder: Path) -> PassageIndex:
    """Read an index written by ``save_index``; raise IndexError_ if it is damaged."""
    manifest = read_manifest(folder)
    if manifest is None:
        raise IndexError_(f"no index at {folder} (run `verbatim build`)")
    if _hash_files(folder) != manifest.index_hash:
        raise IndexError_(f"index files in {folder} do not match their manifest; rebuild it")
    passages = []
    with (folder / "passages.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            row["sentences"] = tuple(tuple(s) for s in row["sentences"])
            passages.append(Passage(**row))
    with np.load(folder / "tokens.npz") as tokens:
        token_vectors, token_starts = tokens["vectors"], tokens["starts"]
    with np.load(folder / "questions.npz") as asked:
        questions = [str(text) for text in asked["texts"]]
        question_vectors, question_owner = asked["vectors"], asked["owner"]
    return PassageIndex(
        passages=passages,
        passage_vectors=faiss.read_index(str(folder / "passages.faiss")),
        sentence_vectors=faiss.read_index(str(folder / "sentences.faiss")),
        section_vectors=faiss.read_index(str(folder / "sections.faiss")),
        sentence_owner=[i for i, p in enumerate(passages) for _ in p.sentences],
        manifest=manifest,
        token_vectors=token_vectors,
        token_starts=token_starts,
        questions=questions,
        question_vectors=question_vectors,
        question_owner=question_owner,
    )


def _hash_files(folder: Path) -> str:
    digest = hashlib.sha256()
    for name in _FILES:
        path = folder / name
        if not path.is_file():
            raise IndexError_(f"index file {path} is missing; rebuild the index")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
