"""The saved index: a faithful round trip, a manifest that notices staleness, damage refused."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

from corpus.chunking import chunk_corpus
from corpus.documents import Document, corpus_hash
from retrieval.build import Built, build_and_save, load_or_build
from retrieval.encoder import Encoder
from retrieval.errors import IndexError_, StaleIndexError
from retrieval.index import (
    FORMAT,
    build_index,
    check_fresh,
    load_index,
    read_manifest,
    save_index,
)
from retrieval.search import Searcher

TINY = [
    Document(
        id="tiny",
        title="Tiny",
        text=(
            "Sleep helps the body recover from pain.\n\n"
            "Exercise\n\n"
            "Gentle stretching can lower pain sensitivity. Walking helps too.\n\n"
            "Diet\n\n"
            "Some foods may reduce inflammation."
        ),
    )
]


@pytest.fixture
def saved(built_index: Built, tmp_path: Path) -> Path:
    """A copy of the session's saved index that a test may damage."""
    save_index(built_index.index, tmp_path)
    return tmp_path


def test_round_trip_keeps_passages_and_vectors(built_index: Built, saved: Path) -> None:
    original = built_index.index
    loaded = load_index(saved)
    assert loaded.passages == original.passages
    assert loaded.manifest == original.manifest
    assert loaded.sentence_owner == original.sentence_owner
    for mine, theirs in (
        (loaded.passage_vectors, original.passage_vectors),
        (loaded.sentence_vectors, original.sentence_vectors),
        (loaded.section_vectors, original.section_vectors),
    ):
        assert mine.ntotal == theirs.ntotal
        assert np.array_equal(
            mine.reconstruct_n(0, mine.ntotal), theirs.reconstruct_n(0, mine.ntotal)
        )
    assert np.array_equal(loaded.token_vectors, original.token_vectors)
    assert np.array_equal(loaded.token_starts, original.token_starts)
    assert loaded.questions == original.questions and loaded.questions
    assert np.array_equal(loaded.question_vectors, original.question_vectors)
    assert np.array_equal(loaded.question_owner, original.question_owner)


def test_the_questions_each_passage_answers_are_embedded_with_their_passage(
    built_index: Built, documents: list[Document]
) -> None:
    index = built_index.index
    assert len(index.questions) == sum(len(e.questions) for d in documents for e in d.questions)
    assert index.question_vectors.shape == (len(index.questions), 384)
    assert np.allclose(np.linalg.norm(index.question_vectors, axis=1), 1.0, atol=1e-5)
    owner = index.question_owner.tolist()
    assert owner == sorted(owner) and set(owner) == set(range(len(index.passages)))


def test_an_index_without_questions_searches_by_its_passages_alone(encoder: Encoder) -> None:
    index = build_index(chunk_corpus(TINY).passages, encoder, corpus_hash="x")
    assert index.questions == [] and index.question_vectors.shape == (0, 384)
    query = encoder.encode_tokens(["does walking help"])
    hits = Searcher(index).search("does walking help", query.vectors[0], query.tokens[0], top_k=1)
    assert hits.hits[0].text.startswith("Gentle stretching")


def test_every_passage_has_its_word_pieces(built_index: Built) -> None:
    index = built_index.index
    starts = index.token_starts.tolist()
    assert starts[0] == 0 and starts == sorted(set(starts))  # each passage has some
    assert len(starts) == len(index.passages)
    assert starts[-1] < len(index.token_vectors)
    norms = np.linalg.norm(index.token_vectors, axis=1)
    assert np.allclose(norms, 1.0, atol=1e-5)


def test_the_question_vector_is_the_same_with_or_without_word_pieces(encoder: Encoder) -> None:
    # Questions are embedded with their word pieces, everything else without: same space,
    # batched alike or not, for a text longer than the model takes (256 word pieces) too, cut
    # the same way.
    texts = ["What is CBT?", "how fast does ketamine work", "x", "my pain never stops " * 80]
    assert np.allclose(encoder.encode_tokens(texts).vectors, encoder.encode(texts), atol=1e-6)
    assert len(encoder.encode_tokens(texts).tokens[3]) == encoder.model.max_seq_length - 2


def test_word_pieces_leave_out_padding_and_the_markers(encoder: Encoder) -> None:
    # Texts encoded together are padded to the longest: a short one keeps only its own pieces.
    texts = ["how fast does ketamine work", "x"]
    together = encoder.encode_tokens(texts).tokens
    alone = encoder.encode_tokens(["x"]).tokens
    pieces = [encoder.model.tokenizer.tokenize(t) for t in texts]  # "ketamine": three pieces
    assert [len(t) for t in together] == [len(p) for p in pieces] == [7, 1]
    assert np.allclose(together[1], alone[0], atol=1e-5)


@pytest.mark.parametrize("question", ["What is CBT?", "how fast does ketamine work?"])
def test_a_loaded_index_answers_like_the_one_that_was_built(
    built_index: Built, saved: Path, encoder: Encoder, question: str
) -> None:
    query = encoder.encode_tokens([question])
    vector, tokens = query.vectors[0], query.tokens[0]
    before = Searcher(built_index.index).search(question, vector, tokens, top_k=3)
    after = Searcher(load_index(saved)).search(question, vector, tokens, top_k=3)
    assert after == before


def test_manifest_names_what_the_index_was_built_from(
    built_index: Built, documents: list[Document], encoder: Encoder, index_dir: Path
) -> None:
    index = built_index.index
    manifest = index.manifest
    assert manifest.model == encoder.name
    assert manifest.model_fingerprint == encoder.fingerprint
    assert manifest.corpus_hash == corpus_hash(documents)
    assert manifest.passage_count == len(index.passages) == index.passage_vectors.ntotal
    assert manifest.sentence_count == sum(len(p.sentences) for p in index.passages)
    assert manifest.sentence_count == index.sentence_vectors.ntotal
    assert manifest.format == FORMAT
    assert re.fullmatch(r"[0-9a-f]{16}", manifest.index_hash)
    assert datetime.fromisoformat(manifest.built_at).tzinfo is not None
    on_disk = json.loads((index_dir / "manifest.json").read_text(encoding="utf-8"))
    assert on_disk == dataclasses.asdict(manifest)
    assert read_manifest(index_dir) == manifest


def test_building_reports_the_dangling_line(built_index: Built) -> None:
    assert built_index.rebuilt
    assert any("effective in treating:" in w for w in built_index.warnings)


def test_nothing_to_index_is_an_error(encoder: Encoder) -> None:
    with pytest.raises(IndexError_, match="no passages to index"):
        build_index([], encoder, corpus_hash="x")


def test_a_fresh_index_passes(built_index: Built) -> None:
    manifest = built_index.index.manifest
    check_fresh(
        manifest,
        corpus_hash=manifest.corpus_hash,
        encoder_fingerprint=manifest.model_fingerprint,
    )


def test_a_changed_corpus_is_named_with_both_hashes(built_index: Built) -> None:
    manifest = built_index.index.manifest
    expected = f"built from corpus {manifest.corpus_hash}, the corpus is now 0123abcd"
    with pytest.raises(StaleIndexError, match=expected):
        check_fresh(
            manifest, corpus_hash="0123abcd", encoder_fingerprint=manifest.model_fingerprint
        )


def test_a_changed_model_is_named_with_both_fingerprints(built_index: Built) -> None:
    manifest = built_index.index.manifest
    expected = (
        rf"built with model {re.escape(manifest.model)} \({manifest.model_fingerprint}\),"
        " the settings ask for feedbeef"
    )
    with pytest.raises(StaleIndexError, match=expected):
        check_fresh(manifest, corpus_hash=manifest.corpus_hash, encoder_fingerprint="feedbeef")


def test_no_manifest_means_the_index_must_be_built() -> None:
    with pytest.raises(StaleIndexError, match="must be built"):
        check_fresh(None, corpus_hash="x", encoder_fingerprint="y")


def _append_to(name: str) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        with (folder / name).open("ab") as handle:
            handle.write(b"\0")

    return damage


def _delete(name: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).unlink()


def _edit_manifest(**changes: object) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        path = folder / "manifest.json"
        path.write_text(json.dumps(json.loads(path.read_text()) | changes), encoding="utf-8")

    return damage


def _passage_text_changed(folder: Path) -> None:
    path = folder / "passages.jsonl"
    path.write_text(path.read_text(encoding="utf-8").replace("ketamine", "aspirin"), "utf-8")


@pytest.mark.parametrize(
    ("damage", "match"),
    [
        (_passage_text_changed, "do not match their manifest"),
        (_append_to("passages.faiss"), "do not match their manifest"),
        (_append_to("sentences.faiss"), "do not match their manifest"),
        (_delete("sentences.faiss"), r"sentences\.faiss is missing"),
        (_delete("passages.jsonl"), r"passages\.jsonl is missing"),
        (_delete("manifest.json"), "no index at"),
        (_delete("tokens.npz"), r"tokens\.npz is missing"),
        (_append_to("tokens.npz"), "do not match their manifest"),
        (lambda folder: (folder / "manifest.json").write_text("{not json"), "no index at"),
        (_edit_manifest(format=FORMAT - 1), "no index at"),
        (_edit_manifest(index_hash="0" * 16), "do not match their manifest"),
    ],
    ids=[
        "quote-edited",
        "passage-vectors-grown",
        "sentence-vectors-grown",
        "sentence-vectors-missing",
        "passages-missing",
        "manifest-missing",
        "word-pieces-missing",
        "word-pieces-grown",
        "manifest-unreadable",
        "old-format",
        "manifest-hash-edited",
    ],
)
def test_a_damaged_index_is_refused(
    saved: Path, damage: Callable[[Path], None], match: str
) -> None:
    damage(saved)
    with pytest.raises(IndexError_, match=match):
        load_index(saved)


def test_an_empty_folder_is_not_an_index(tmp_path: Path) -> None:
    with pytest.raises(IndexError_, match=f"no index at {re.escape(str(tmp_path))}"):
        load_index(tmp_path)


# load_or_build, on a tiny corpus so that each rebuild is quick


def test_load_or_build_builds_once_then_loads(encoder: Encoder, tmp_path: Path) -> None:
    first = load_or_build(TINY, encoder, tmp_path)
    assert first.rebuilt
    second = load_or_build(TINY, encoder, tmp_path)
    assert not second.rebuilt
    assert second.index.passages == first.index.passages
    assert second.index.manifest == first.index.manifest


def test_load_or_build_rebuilds_when_the_corpus_changed(encoder: Encoder, tmp_path: Path) -> None:
    build_and_save(TINY, encoder, tmp_path)
    edited = [dataclasses.replace(TINY[0], text=TINY[0].text + "\n\nA new paragraph.")]
    rebuilt = load_or_build(edited, encoder, tmp_path)
    assert rebuilt.rebuilt
    assert rebuilt.index.passages[-1].text == "A new paragraph."
    assert read_manifest(tmp_path) == rebuilt.index.manifest
    assert not load_or_build(edited, encoder, tmp_path).rebuilt


@pytest.mark.parametrize(
    "damage",
    [
        _edit_manifest(model_fingerprint="feedbeef"),
        _append_to("passages.faiss"),
        _delete("sentences.faiss"),
        _delete("manifest.json"),
        _delete("tokens.npz"),
    ],
    ids=["other-model", "damaged", "file-missing", "manifest-missing", "word-pieces-missing"],
)
def test_load_or_build_rebuilds_a_stale_or_damaged_index(
    encoder: Encoder, tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    built = build_and_save(TINY, encoder, tmp_path)
    damage(tmp_path)
    again = load_or_build(TINY, encoder, tmp_path)
    assert again.rebuilt
    assert again.index.passages == built.index.passages
    assert load_index(tmp_path).manifest == again.index.manifest


def test_a_copied_index_loads_anywhere(built_index: Built, index_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(index_dir, copy)
    assert load_index(copy).passages == built_index.index.passages
