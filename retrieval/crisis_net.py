"""A second net under the crisis rules: a message close in meaning to the labelled signals.

The rules (``retrieval/crisis.py``) catch what they were written for, and a blind probe showed
how much slips past them: indirect signals phrased in ways no rule foresaw. The net compares
the message's embedding (the one the search computes anyway) with the labelled messages of
``retrieval/crisis_examples.py``: a message much nearer the signals than the ordinary messages
that sound like them, and near enough, counts as a signal; so does a message one of whose
sentences does. docs/quality.md has the figures.
"""

from __future__ import annotations

import hashlib
import logging
import os
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from retrieval.crisis import rules_fingerprint, signals_crisis
from retrieval.crisis_examples import (
    ORDINARY,
    PROBE_ORDINARY,
    PROBE_SIGNALS,
    SAFETY_WINS,
    SIGNALS,
)
from retrieval.encoder import Encoder, Vectors
from retrieval.vocabulary import SENTENCE_BREAK

log = logging.getLogger(__name__)

# Chosen as the most sensitive setting (grid: cosine 0.35-0.70, margin 0-0.10, 1 or 3
# neighbours) that raises no alarm on any of the 360 questions of the three question sets
# that are no crisis, and kept as probes 5-19 joined the examples (no alarm on dev or check,
# check2, check3 or check4; two on check5 and three on check6, written later; docs/quality.md):
# leaving one of probes 1-15 out at a time, it catches 913 of their 1,192 signals and alarms on
# 38 of their 1,046 hard negatives before the rules (0.45 / 0.09 alarms on a dev question;
# docs/quality.md).
NEIGHBOURS = 3  # a message is compared with its 3 nearest examples of each kind, averaged
NEAR_SIGNALS = 0.45  # it must come at least this close to the signals (cosine)
MARGIN = 0.10  # and this much closer to them than to the ordinary messages
# Or all but the same as one labelled signal, and nearer it than to any ordinary message: a
# labelled signal is always caught, retyped or not, however close it sits to ordinary ones
# ("how much ketamine would it take to just not come back from the trip"). Costs nothing on
# held-out probes.
SAME_MESSAGE = 0.95


# A message of several sentences is also weighed sentence by sentence: a signal in one
# sentence of several ("Had my 6th infusion today. Felt nothing. I keep a razor in the cabinet
# for the bad nights.") is diluted in the embedding of the whole. Sentences end at ". ! ? ;"
# and line breaks; clauses joined by "but", "so" or "and then" are not split off: the second
# half of "I just want to sleep for a week and then get back to my garden" is what makes it
# ordinary (``SENTENCE_BREAK``). A sentence under three words is too short to judge alone.
MIN_PART_WORDS = 3

CACHE_FILE = "crisis_examples.npz"


def with_signal_sentences(signals: Iterable[str]) -> list[str]:
    """The labelled signals, then each sentence of theirs that the rules catch on its own.

    A signal in one sentence of several is diluted in the embedding of the whole message,
    whose ordinary rest ("whats the wait list like") sits near ordinary questions. The sentence
    the rules catch is the signal itself, and as an example of its own it brings new phrasings
    of it within reach: leaving one of probes 1-11 out at a time, the net caught 675 of their
    873 signals instead of 632, and alarmed on 28 of 766 hard negatives instead of 22.
    """
    signals = list(signals)
    sentences = [part for message in signals for part in message_parts(message)]
    return list(dict.fromkeys([*signals, *(part for part in sentences if signals_crisis(part))]))


def _cache_key(model_fingerprint: str) -> str:
    """Changes with the model, with any labelled message, and with the rules and this module
    (which together choose the sentences that join the signals)."""
    here = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    digest = hashlib.sha256(f"{model_fingerprint}\0{rules_fingerprint()}\0{here}".encode())
    for kind, messages in (("signal", _SIGNALS), ("ordinary", _ORDINARY)):
        for message in messages:
            digest.update(f"{kind}\0{message}\0".encode())
    return digest.hexdigest()


def message_parts(message: str) -> list[str]:
    """The sentences of a message of two or more, each of at least three words; none for a
    message of one sentence (its whole embedding is weighed already)."""
    parts = [p.strip() for p in SENTENCE_BREAK.split(message)]
    parts = [p for p in parts if len(p.split()) >= MIN_PART_WORDS]
    return parts if len(parts) > 1 else []


_SIGNALS = (*SIGNALS, *SAFETY_WINS, *PROBE_SIGNALS)
_ORDINARY = (*ORDINARY, *PROBE_ORDINARY)


def nearest_mean(cosines: Vectors, count: int = NEIGHBOURS) -> float:
    """The mean of the ``count`` largest cosines (of all of them when there are fewer)."""
    if len(cosines) == 0:
        return -1.0
    top = np.sort(cosines)[-count:]
    return float(top.mean())


def near_signals(to_signals: Vectors, to_ordinary: Vectors) -> bool:
    """Whether cosines to the signal examples and to the ordinary ones make a signal."""
    closest = float(to_signals.max(initial=-1.0))
    if closest >= SAME_MESSAGE and closest > float(to_ordinary.max(initial=-1.0)):
        return True
    near, ordinary = nearest_mean(to_signals), nearest_mean(to_ordinary)
    return near >= NEAR_SIGNALS and near - ordinary >= MARGIN


@dataclass(frozen=True)
class CrisisNet:
    """The embeddings of the labelled messages, to compare a message's embedding with."""

    signals: Vectors
    ordinary: Vectors

    @classmethod
    def from_examples(cls, encoder: Encoder) -> CrisisNet:
        """Embed every labelled message (about 15 s on 2 cores)."""
        signals = with_signal_sentences(_SIGNALS)
        return cls(encoder.encode(signals), encoder.encode(list(_ORDINARY)))

    @classmethod
    def load_or_embed(cls, encoder: Encoder, folder: Path) -> CrisisNet:
        """The embeddings saved in ``folder`` when they are of these messages and this model,
        else embedded now and saved there for the next start."""
        path = folder / CACHE_FILE
        key = _cache_key(encoder.fingerprint)
        try:
            with np.load(path) as saved:
                if str(saved["key"]) == key:
                    return cls(saved["signals"], saved["ordinary"])
        except (OSError, EOFError, KeyError, ValueError, zipfile.BadZipFile):
            pass  # missing or damaged: embed again
        net = cls.from_examples(encoder)
        # One partial file per process: servers starting together each write their own.
        partial = path.with_name(f"{path.stem}.{os.getpid()}.partial.npz")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            np.savez(partial, key=key, signals=net.signals, ordinary=net.ordinary)
            os.replace(partial, path)
        except OSError as exc:
            log.warning("could not save the crisis examples' embeddings: %s", exc)
            partial.unlink(missing_ok=True)
        return net

    def catches(self, vector: Vectors) -> bool:
        """Whether a message, given its unit-length embedding, signals a crisis."""
        return near_signals(self.signals @ vector, self.ordinary @ vector)

    def catches_any(self, vectors: Iterable[Vectors]) -> bool:
        """Whether any of these embeddings (a message's and its parts') signals a crisis."""
        return any(self.catches(vector) for vector in vectors)
