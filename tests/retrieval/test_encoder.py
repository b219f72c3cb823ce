"""The model's ONNX graph gives the library's vectors, and is exported once per model."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

from retrieval import encoder as encoder_module
from retrieval.encoder import Encoder, gives_model_vectors, open_graph, unit_rows

# One padded batch: texts of one, a few and more word pieces than the model takes (256).
TEXTS = ["x", "What is CBT?", "how fast does ketamine work", "my pain never stops " * 80]


def test_the_graph_gives_the_library_vectors(encoder: Encoder) -> None:
    library = encoder.model.encode(TEXTS, normalize_embeddings=True, convert_to_numpy=True)
    assert np.allclose(encoder.encode(TEXTS), library, atol=1e-5)
    assert np.allclose(encoder.encode_tokens(TEXTS).vectors, library, atol=1e-5)


def test_the_graph_gives_the_library_word_pieces(encoder: Encoder) -> None:
    library = encoder.model.encode(TEXTS, output_value="token_embeddings")
    ours = encoder.encode_tokens(TEXTS).tokens
    for text, theirs, mine in zip(TEXTS, library, ours, strict=True):
        expected = unit_rows(np.asarray(theirs, dtype=np.float32)[1:-1])  # [CLS], [SEP] out
        assert mine.shape == expected.shape, text[:20]
        assert np.allclose(mine, expected, atol=1e-5), text[:20]


def test_texts_batched_by_length_come_back_in_their_order(encoder: Encoder) -> None:
    texts = [f"{'very ' * (n % 7)}long question number {n}" for n in range(150)]  # 3 batches
    together = encoder.encode(texts)
    assert np.allclose(together[[5, 77, 149]], encoder.encode([texts[5], texts[77], texts[149]]))
    assert encoder.encode([]).shape == (0, encoder.dimension)
    assert encoder.encode_tokens([]).vectors.shape == (0, encoder.dimension)


def test_the_graph_is_exported_once_and_kept(
    encoder: Encoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "graphs" / "model.onnx"
    open_graph(encoder.model, path)
    assert path.is_file()

    def no_export(*_: object) -> None:
        raise AssertionError("exported again")

    monkeypatch.setattr(encoder_module, "export_graph", no_export)
    session = open_graph(encoder.model, path)
    assert [o.name for o in session.get_outputs()] == ["token_embeddings", "sentence_embedding"]


def test_a_damaged_graph_is_exported_again(
    encoder: Encoder, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "model.onnx"
    path.write_bytes(b"cut short")
    with caplog.at_level(logging.WARNING):
        open_graph(encoder.model, path)
    assert "does not load" in caplog.text
    assert path.stat().st_size > 1_000_000  # the whole graph, weights and all
    assert not list(tmp_path.glob(".*"))  # no partial file left behind


def test_a_graph_of_other_weights_is_exported_again(
    encoder: Encoder, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Retrained weights of the same shapes keep the file names and sizes the graph's name
    # comes from: the graph found is checked against the model itself.
    import onnx
    from onnx import numpy_helper

    path = tmp_path / "model.onnx"
    open_graph(encoder.model, path)
    graph = onnx.load(str(path))
    weights = max(graph.graph.initializer, key=lambda w: int(np.prod(w.dims)))
    retrained = numpy_helper.to_array(weights)
    retrained = retrained + np.random.default_rng(0).normal(0, 0.1, retrained.shape)
    weights.CopyFrom(numpy_helper.from_array(retrained.astype(np.float32), weights.name))
    onnx.save(graph, str(path))
    with caplog.at_level(logging.WARNING):
        session = open_graph(encoder.model, path)
    assert "not of this model" in caplog.text
    assert gives_model_vectors(session, encoder.model)
    assert not list(tmp_path.glob(".*"))


def test_a_graph_that_cannot_be_kept_still_serves(
    encoder: Encoder, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("a file where the data folder should be")
    with caplog.at_level(logging.WARNING):
        session = open_graph(encoder.model, not_a_folder / "model" / "model.onnx")
    assert "could not keep" in caplog.text
    assert gives_model_vectors(session, encoder.model)
