"""Index save/load round trip, staleness and damage, with the real model."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from corpus.documents import Document, corpus_hash
from retrieval.build import Built, load_or_build
from retrieval.encoder import Encoder
from retrieval.errors import IndexError_, StaleIndexError
from retrieval.index import check_fresh, load_index, read_manifest, save_index


def test_round_trip_keeps_passages_and_vectors(built_index: Built, tmp_path: Path) -> None:
    save_index(built_index.index, tmp_path)
    loaded = load_index(tmp_path)
    assert loaded.passages == built_index.index.passages
    assert loaded.manifest == built_index.index.manifest
    assert loaded.passage_vectors.ntotal == len(loaded.passages)
    original = built_index.index.passage_vectors.reconstruct(3)
    assert (loaded.passage_vectors.reconstruct(3) == original).all()


def test_manifest_names_what_the_index_was_built_from(
    built_index: Built, documents: list[Document], encoder: Encoder
) -> None:
    manifest = built_index.index.manifest
    assert manifest.corpus_hash == corpus_hash(documents)
    assert manifest.model_fingerprint == encoder.fingerprint
    assert manifest.passage_count == len(built_index.index.passages)
    assert len(manifest.index_hash) == 16


def test_stale_index_says_what_changed(built_index: Built) -> None:
    manifest = built_index.index.manifest
    with pytest.raises(StaleIndexError, match="corpus"):
        check_fresh(manifest, corpus_hash="other", encoder_fingerprint=manifest.model_fingerprint)
    with pytest.raises(StaleIndexError, match="model"):
        check_fresh(manifest, corpus_hash=manifest.corpus_hash, encoder_fingerprint="other")
    with pytest.raises(StaleIndexError, match="must be built"):
        check_fresh(None, corpus_hash="x", encoder_fingerprint="y")


def test_damaged_files_are_refused(built_index: Built, tmp_path: Path) -> None:
    save_index(built_index.index, tmp_path)
    (tmp_path / "passages.jsonl").write_text("{}", encoding="utf-8")
    with pytest.raises(IndexError_, match="do not match their manifest"):
        load_index(tmp_path)


def test_load_or_build_rebuilds_only_when_the_corpus_changed(
    documents: list[Document], encoder: Encoder, tmp_path: Path
) -> None:
    assert load_or_build(documents, encoder, tmp_path).rebuilt
    assert not load_or_build(documents, encoder, tmp_path).rebuilt
    edited = [dataclasses.replace(documents[0], text=documents[0].text + "\n\nA new paragraph.")]
    rebuilt = load_or_build(edited, encoder, tmp_path)
    assert rebuilt.rebuilt
    assert read_manifest(tmp_path) == rebuilt.index.manifest
