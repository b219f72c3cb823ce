"""Lexical matching: BM25 (bm25s) over stemmed words, with the corpus's own abbreviations."""

from __future__ import annotations

import logging
import re
from functools import lru_cache

import bm25s
import numpy as np
import numpy.typing as npt
import Stemmer

logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every index build

# "Cognitive Behavioral Therapy (CBT)", "serotonin-norepinephrine reuptake inhibitors (SNRIs)"
_DEFINITION = re.compile(r"((?:[\w’'-]+\s+){1,6}?[\w’'-]+)\s+\(([A-Z]{2,6})s?\)")


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


# NLTK's English stopwords (179): "what", "how", "does", "has", "i", "my" say nothing about
# which passage answers. bm25s's "en", Lucene's 33, keeps them, and a passage that happened to
# use "has" outranked the one with the question's rare word (docs/quality.md, Ranking).
STOPWORDS = "en_plus"


def tokenize(text: str, stopwords: str = STOPWORDS) -> list[str]:
    """Lower-cased, stemmed words without the ``stopwords`` (a bm25s list's name)."""
    tokens = bm25s.tokenize(
        [text], stopwords=stopwords, stemmer=_stemmer(), return_ids=False, show_progress=False
    )
    return list(tokens[0])


def stem_words(words: list[str]) -> list[str]:
    """The stems of words, without removing any."""
    return list(_stemmer().stemWords([w.lower() for w in words]))


def find_abbreviations(text: str) -> dict[str, str]:
    """Abbreviations a text defines, lower-cased: ``{"cbt": "cognitive behavioral therapy"}``.

    The long form is the shortest run of words before the parenthesis that starts with the
    abbreviation's first letter and holds its letters in order (after Schwartz and Hearst).
    """
    found: dict[str, str] = {}
    for match in _DEFINITION.finditer(text):
        words, abbreviation = match.group(1).split(), match.group(2).lower()
        for take in range(1, len(words) + 1):
            long_form = " ".join(words[-take:]).lower()
            if long_form[0] == abbreviation[0] and _is_subsequence(abbreviation, long_form):
                found[abbreviation] = long_form
                break
    return found


def _is_subsequence(needle: str, haystack: str) -> bool:
    letters = iter(haystack)
    return all(char in letters for char in needle)


def expand_abbreviations(question: str, abbreviations: dict[str, str]) -> str:
    """The question with the long form of each abbreviation it uses appended."""
    words = {w.lower() for w in re.findall(r"\w+", question)}
    # A plural adds one "s" ("TCAs"); stripping every trailing "s" would turn "CRPS" into "crp".
    extra = [long for short, long in abbreviations.items() if {short, f"{short}s"} & words]
    return " ".join([question, *extra])


class LexicalIndex:
    """BM25 over a list of texts; cheap enough to rebuild when the index loads."""

    def __init__(self, texts: list[str]) -> None:
        self.bm25 = bm25s.BM25()
        self.bm25.index([tokenize(t) or [""] for t in texts], show_progress=False)
        self.size = len(texts)

    def scores(self, query: str) -> npt.NDArray[np.float32]:
        """BM25 score of every text for the query (zeros when no word matches)."""
        return self.scores_of_words(tokenize(query))

    def scores_of_words(self, tokens: list[str]) -> npt.NDArray[np.float32]:
        """BM25 score of every text for a query already tokenized by ``tokenize``."""
        if not tokens:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self.bm25.get_scores(tokens), dtype=np.float32)
