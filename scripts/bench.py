"""Latency benchmark: the real server over HTTP against bare ``model.encode``, in one run."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import click
import httpx

from corpus.documents import load_corpus
from retrieval.build import load_or_build
from retrieval.encoder import Encoder
from retrieval.evaluation import load_examples
from ui.deps import limit_blas_threads
from ui.settings import get_settings

READY_TIMEOUT_S = 120.0


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(port: int, *, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """`verbatim serve` as a child process on 127.0.0.1."""
    command = [
        sys.executable,
        "-m",
        "scripts.cli",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    return subprocess.Popen(
        command,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_ready(
    base: str, process: subprocess.Popen[bytes], timeout: float = READY_TIMEOUT_S
) -> float:
    """Seconds until /api/health answers 200; raises if the server dies or never answers."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with code {process.returncode}")
        try:
            if httpx.get(f"{base}/api/health", timeout=1.0).status_code == 200:
                return time.perf_counter() - started
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"server not ready after {timeout:.0f} s")


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) by the inclusive method."""
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


BLOCK = 20
PAUSE_S = 0.3


def library_encode(encoder: Encoder, text: str) -> None:
    """v1's baseline: sentence-transformers' own ``model.encode`` of one text, on PyTorch."""
    encoder.model.encode(
        [text],
        batch_size=64,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )


def run_benchmark(count: int, questions_file: Path = Path("eval/dev.jsonl")) -> dict[str, float]:
    """Print and return p50/p95 HTTP latency, bare-encode p50, their ratio and readiness time.

    The ratio's denominator is v1's: the library's ``model.encode`` of the question. The
    server runs the same model in ONNX Runtime (``Encoder.encode``), a third of that; its p50
    is printed too, with HTTP's ratio to it (what the server adds to its own model call).
    """
    settings = get_settings()
    questions = [e.question for e in load_examples(questions_file)]
    encoder = Encoder(settings.model_path, graph_dir=settings.graph_dir)
    load_or_build(load_corpus(settings.corpus_dir), encoder, settings.index_dir)  # a built index
    limit_blas_threads()  # as the server does, so both sides run alike

    def graph_encode(text: str) -> None:
        encoder.encode([text])

    sides: dict[str, Callable[[str], object]] = {
        "http": lambda text: client.post("/api/ask", json={"question": text}).raise_for_status(),
        "encode": lambda text: library_encode(encoder, text),
        "graph": graph_encode,
    }
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = start_server(port)
    try:
        ready_s = wait_ready(base, process)
        # The sides take turns in blocks of BLOCK questions, so all see the machine as it is
        # at that moment (shared machines speed up and slow down). A pause between blocks
        # lets the other side's threads go idle: they spin for a while after work and would
        # otherwise slow whichever side runs next.
        times: dict[str, list[float]] = {side: [] for side in sides}
        with httpx.Client(base_url=base, timeout=30.0) as client:
            for question in questions[:5]:  # warm-up, not measured
                for run in sides.values():
                    run(question)
            for first in range(0, count, BLOCK):
                block = [
                    questions[i % len(questions)] for i in range(first, min(count, first + BLOCK))
                ]
                for side, run in sides.items():
                    time.sleep(PAUSE_S)
                    for question in block:
                        started = time.perf_counter()
                        run(question)
                        times[side].append((time.perf_counter() - started) * 1000)
    finally:
        process.terminate()
        process.wait(timeout=30)

    figures = {
        "http_p50_ms": statistics.median(times["http"]),
        "http_p95_ms": percentile(times["http"], 95),
        "encode_p50_ms": statistics.median(times["encode"]),
        "graph_p50_ms": statistics.median(times["graph"]),
        "ready_s": ready_s,
    }
    figures["ratio_p50"] = figures["http_p50_ms"] / figures["encode_p50_ms"]
    figures["graph_ratio_p50"] = figures["http_p50_ms"] / figures["graph_p50_ms"]
    click.echo(f"{count} questions over HTTP, one at a time")
    click.echo(f"  server ready after     {figures['ready_s']:.1f} s (goal <= 10 s)")
    click.echo(
        f"  HTTP p50 / p95         {figures['http_p50_ms']:.1f} / {figures['http_p95_ms']:.1f} ms"
    )
    click.echo(
        f"  bare encode p50        {figures['encode_p50_ms']:.1f} ms (model.encode, PyTorch)"
    )
    click.echo(f"  ratio p50 HTTP/encode  {figures['ratio_p50']:.2f} (goal <= 1.5)")
    click.echo(f"  graph encode p50       {figures['graph_p50_ms']:.1f} ms (the server's, ONNX)")
    click.echo(f"  ratio p50 HTTP/graph   {figures['graph_ratio_p50']:.2f}")
    return figures
