"""Building the index from the corpus, and loading it again only while it is fresh."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from corpus.chunking import chunk_corpus
from corpus.documents import Document, corpus_hash
from retrieval.encoder import Encoder
from retrieval.errors import IndexError_
from retrieval.index import (
    PassageIndex,
    build_index,
    check_fresh,
    load_index,
    read_manifest,
    save_index,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Built:
    """An index ready to search, whether it was rebuilt, and what the source should fix."""

    index: PassageIndex
    rebuilt: bool
    warnings: list[str]


def build_and_save(documents: list[Document], encoder: Encoder, folder: Path) -> Built:
    """Chunk, embed and save; the warnings name source lines a person should fix."""
    chunks = chunk_corpus(documents)
    index = build_index(
        chunks.passages,
        encoder,
        corpus_hash=corpus_hash(documents),
        questions=chunks.questions,
    )
    save_index(index, folder)
    return Built(index, True, chunks.warnings)


def load_or_build(documents: list[Document], encoder: Encoder, folder: Path) -> Built:
    """Load the saved index, rebuilding it when it is missing, stale or damaged."""
    try:
        check_fresh(
            read_manifest(folder),
            corpus_hash=corpus_hash(documents),
            encoder_fingerprint=encoder.fingerprint,
        )
        return Built(load_index(folder), False, [])
    except IndexError_ as exc:
        log.info("rebuilding the index: %s", exc)
        return build_and_save(documents, encoder, folder)
