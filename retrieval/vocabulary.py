"""Which words of a question the article never uses: the basis of "the article does not mention X".

A word is *unknown* when the article never uses it, nor a form, a misspelling, an
abbreviation it defines or an initialism of its words. An unknown word is *missing* (the
question asks about something the article does not cover) when it is not an everyday word
and it carries the question: removing it moves the question's embedding (see Answerer).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence

from wordfreq import zipf_frequency

from retrieval.lexical import find_abbreviations, stem_words

_WORD = re.compile(r"[A-Za-z][A-Za-z’']*[A-Za-z]|[A-Za-z]")

# Words that ask for a form of answer, not a subject: "examples of catastrophic thoughts?",
# "list the side effects", "the difference between SNRIs and TCAs". Matched by stem, so
# "listed", "summarised" and "steps" count too (see ``is_answer_form``).
ANSWER_FORM_WORDS = frozenset(
    [
        "basically",
        "breakdown",
        "briefly",
        "compare",
        "comparison",
        "cons",
        "contrast",
        "define",
        "definition",
        "describe",
        "detail",
        "difference",
        "differ",
        "elaborate",
        "exactly",
        "example",
        "explanation",
        "info",
        "instance",
        "list",
        "mention",
        "outline",
        "overview",
        "page",
        "pros",
        "reason",
        "specifically",
        "step",
        "summarise",
        "summarize",
        "summary",
        "tip",
        "type",
        "typical",
        "typically",
        "versus",
        "vs",
        "ways",
    ]
)
_ANSWER_FORM_STEMS = frozenset(stem_words(sorted(ANSWER_FORM_WORDS)))

# Words that ask for a judgement of what the question is about ("is it weird to take an
# antidepressant for fibro", "is CBT actually proven or just a trendy thing", "is it my fault"):
# the subject is what they judge, and the article's account of it is the answer. Never
# "missing"; the everyday ones ("real", "bad", "wrong") are no candidates anyway, and
# "normal", "ok" and "okay" are generic words already.
JUDGEMENT_WORDS = frozenset(
    [
        "abnormal",
        "weird",
        "strange",
        "odd",
        "unusual",
        "usual",
        "typical",
        "fault",
        "blame",
        "legit",
        "legitimate",
        "proven",
        "genuine",
        "fake",
        "fine",
        "worth",
        "worthwhile",
        "crazy",
        "silly",
        "stupid",
        "dumb",
        "trendy",
        "fad",
        "hype",
        "hyped",
        "overhyped",
        "myth",
        "false",
        "scam",
        "bogus",
        "nonsense",
    ]
)

# Words that carry the shape of a question, not its subject. They are never "missing".
GENERIC_WORDS = frozenset(
    [
        "a",
        "about",
        "after",
        "again",
        "against",
        "all",
        "almost",
        "also",
        "am",
        "an",
        "and",
        "any",
        "anybody",
        "anyone",
        "anything",
        "are",
        "aren",
        "around",
        "as",
        "ask",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "best",
        "better",
        "between",
        "both",
        "but",
        "by",
        "can",
        "cannot",
        "could",
        "did",
        "didn",
        "do",
        "does",
        "doesn",
        "doing",
        "don",
        "done",
        "down",
        "during",
        "each",
        "else",
        "enough",
        "ever",
        "every",
        "everyone",
        "everything",
        "few",
        "for",
        "from",
        "get",
        "gets",
        "getting",
        "give",
        "go",
        "goes",
        "going",
        "good",
        "got",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "however",
        "i",
        "if",
        "im",
        "in",
        "into",
        "is",
        "isn",
        "it",
        "its",
        "itself",
        "just",
        "know",
        "less",
        "let",
        "like",
        "lot",
        "lots",
        "made",
        "make",
        "makes",
        "many",
        "may",
        "maybe",
        "me",
        "might",
        "mine",
        "more",
        "most",
        "much",
        "must",
        "my",
        "myself",
        "need",
        "needs",
        "no",
        "normal",
        "not",
        "now",
        "of",
        "off",
        "often",
        "ok",
        "okay",
        "on",
        "once",
        "one",
        "ones",
        "only",
        "or",
        "other",
        "others",
        "our",
        "out",
        "over",
        "own",
        "people",
        "person",
        "please",
        "possible",
        "probably",
        "quite",
        "rather",
        "really",
        "right",
        "same",
        "say",
        "see",
        "seem",
        "she",
        "should",
        "so",
        "some",
        "someone",
        "something",
        "sometimes",
        "still",
        "such",
        "sure",
        "take",
        "tell",
        "than",
        "thank",
        "thanks",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "thing",
        "things",
        "think",
        "this",
        "those",
        "though",
        "to",
        "too",
        "under",
        "until",
        "up",
        "us",
        "use",
        "used",
        "very",
        "want",
        "wants",
        "was",
        "way",
        "we",
        "well",
        "were",
        "what",
        "whats",
        "when",
        "where",
        "whether",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "without",
        "would",
        "yes",
        "yet",
        "you",
        "your",
        "yours",
        "anymore",
        "stuff",
        "kind",
        "sort",
        "actually",
        "tho",
        "thx",
        "pls",
        "ppl",
        "u",
        "ur",
        "im",
        "ive",
        "id",
        "youre",
        "dont",
        "cant",
        "wont",
        "isnt",
        "doesnt",
    ]
)
_MIN_SPELLING_RATIO = 0.8
# Below this Zipf frequency a word is no word of everyday English ("inflamation",
# "fibromialgia", "ketamin"): a close article word is taken as what the visitor meant.
# Real words ("medicare", "behavioural") sit above it and are never respelled.
MISSPELLING_ZIPF = 3.0
# Below this Zipf frequency a word that begins an article word is a clipping of it ("physio"
# 2.8, "fibro" 2.4), above it a word of its own ("weigh" 4.0 is not "weight", "tempo" 3.7 not
# "temporal", "worth" 5.2 not "worthlessness").
CLIPPED_ZIPF = 3.0
# A clipping that begins more article words than this is too ambiguous to expand ("respon").
MAX_COMPLETIONS = 2
# Zipf frequency (log10 per billion words) from which a word is everyday English ("time",
# "back", "given"): such words shape a question but are not what the article lacks.
EVERYDAY_ZIPF = 5.4


def article_terms(texts: list[str]) -> list[str]:
    """The distinct lower-case words of the article, generic words left out."""
    words = {w.lower() for text in texts for w in _WORD.findall(text)}
    return sorted(w for w in words if len(w) > 1 and w not in GENERIC_WORDS)


# Words an initialism may skip: "National Institute of Health" gives "NIH".
_SKIPPABLE = frozenset(["of", "and", "the", "for", "in", "to"])


def initialisms(texts: list[str], *, longest: int = 5) -> dict[str, str]:
    """Initials of runs of 3..longest words, with the words they stand for.

    "temporal mandibular disorder" gives ``{"tmd": "temporal mandibular disorder"}``, and
    "National Institute of Health" gives both "nioh" and "nih". The first run found wins.
    """
    found: dict[str, str] = {}
    for text in texts:
        words = [w.lower() for w in _WORD.findall(text)]
        for size in range(3, longest + 2):
            for i in range(len(words) - size + 1):
                run = words[i : i + size]
                if run[0] in _SKIPPABLE or run[-1] in _SKIPPABLE:
                    continue
                long_form = " ".join(run)
                kept = [w for w in run if w not in _SKIPPABLE]
                for letters in {"".join(w[0] for w in run), "".join(w[0] for w in kept)}:
                    # Two letters ("GP") would match some pair of words in any text.
                    if 3 <= len(letters) <= longest:
                        found.setdefault(letters, long_form)
    return found


def content_words(question: str) -> list[str]:
    """The words of a question that could name its subject."""
    seen: list[str] = []
    for word in _WORD.findall(question.lower()):
        word = _POSSESSIVE.sub("", word.strip("’'"))  # "my back's been…": "back"
        bare = word.replace("'", "").replace("’", "")  # "they've", "wouldn't"
        if (
            len(word) > 1
            and bare not in GENERIC_WORDS
            and bare not in JUDGEMENT_WORDS
            and not is_contraction(bare)
            and not is_answer_form(word)
            and word not in seen
        ):
            seen.append(word)
    return seen


# Words that open a clause asking something, texting spellings too ("r u guys a legit
# clinic", "y does that matter").
QUESTION_WORDS = frozenset(
    [
        "is",
        "are",
        "am",
        "was",
        "were",
        "isnt",
        "arent",
        "wasnt",
        "does",
        "do",
        "did",
        "doesnt",
        "dont",
        "didnt",
        "can",
        "could",
        "cant",
        "couldnt",
        "will",
        "would",
        "wont",
        "wouldnt",
        "should",
        "shall",
        "shouldnt",
        "may",
        "might",
        "must",
        "has",
        "have",
        "had",
        "hasnt",
        "havent",
        "what",
        "whats",
        "how",
        "hows",
        "why",
        "whys",
        "when",
        "whens",
        "where",
        "wheres",
        "which",
        "who",
        "whos",
        "whose",
        "whom",
        "r",
        "y",
        "wat",
        "wats",
        "wht",
    ]
)
# Sentences end at ". ! ? ;" and at line breaks (the crisis net weighs a message's sentences
# split the same way).
SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+|\n+")


def _opening_word(text: str) -> str:
    words = _WORD.findall(text.lower())
    return words[0].replace("'", "").replace("’", "") if words else ""


def asks(clause: str) -> bool:
    """Whether a clause asks: it ends with a question mark or opens with a question word."""
    return clause.rstrip().endswith("?") or _opening_word(clause) in QUESTION_WORDS


def clauses(message: str) -> list[str]:
    """The sentences of a message, each split where a comma comes before a question word:
    "mri showed nothing, is my pain even real" is a statement and a question ("does ketamine,
    like, help" stays one clause: "like" asks nothing)."""
    found: list[str] = []
    for sentence in SENTENCE_BREAK.split(message):
        pieces = sentence.split(",")
        current = pieces[0]
        for piece in pieces[1:]:
            if _opening_word(piece) in QUESTION_WORDS:
                found.append(current)
                current = piece
            else:
                current = f"{current},{piece}"
        found.append(current)
    return [clause.strip() for clause in found if clause.strip()]


def asking_clauses(message: str) -> list[str]:
    """The clauses of a message that ask: those ending with a question mark, where any does
    ("Don't know how many times I've cried. Is it linked to my pain?"), else those that open
    with a question word; a message with no clause that asks ("tell me the price") is all
    question."""
    parts = clauses(message)
    marked = [clause for clause in parts if clause.rstrip().endswith("?")]
    return marked or [clause for clause in parts if asks(clause)] or [message]


def context_words(question: str) -> frozenset[str]:
    """The content words only the message's statements use, not the clauses that ask.

    "My bf thinks ketamine therapy is a scam, has it actually been studied": "bf" tells who
    asks and why; the clause that asks is about the studies. A subject the story names and
    the question calls "it" ("my doctor suggested esketamine. is it safe?") counts as context
    too: ``Thresholds.context_shift`` still names it when it carries the question. A message with no
    clause that asks ("tell me about insurance") has no context: it is all question.
    """
    asking = [clause for clause in clauses(question) if asks(clause)]
    if not asking:
        return frozenset()
    asked = {word for clause in asking for word in content_words(clause)}
    return frozenset(word for word in content_words(question) if word not in asked)


_POSSESSIVE = re.compile(r"['’]s$")
# What a contraction ends with once its apostrophe is dropped: "that|s", "they|re", "was|nt".
_CONTRACTED = ("s", "re", "ve", "ll", "d", "m", "nt")


def is_contraction(word: str) -> bool:
    """True for a generic word contracted and typed without its apostrophe ("thats" for
    "that's", "whos", "theyre", "wasnt"), when English writes it with the apostrophe more often
    than as the word it spells ("sore" is no "so're", "hell" more often "hell" than "he'll")."""
    for end in _CONTRACTED:
        stem = word[: -len(end)]
        if not word.endswith(end) or len(stem) < 2 or stem not in GENERIC_WORDS:
            continue
        written = f"{word[:-1]}'t" if end == "nt" else f"{stem}'{end}"
        if zipf_frequency(written, "en") > zipf_frequency(word, "en"):
            return True
    return False


def is_answer_form(word: str) -> bool:
    """True for a word, in any of its forms, that asks for a form of answer ("listed")."""
    return stem_words([word])[0] in _ANSWER_FORM_STEMS


class Vocabulary:
    """The words, stems, abbreviations and initialisms of a set of texts, computed once."""

    def __init__(self, texts: list[str], *, asked: Sequence[str] = ()) -> None:
        """``asked``: the questions the texts answer, in visitors' words (``PassageQuestions``),
        whose words ``asked_words`` looks up."""
        self.terms = article_terms(texts)
        self._term_set = frozenset(self.terms)
        self.stems = set(stem_words(self.terms))
        self._asked_stems = [frozenset(stem_words(content_words(q))) for q in asked]
        self.abbreviations: dict[str, str] = {}
        for text in texts:
            self.abbreviations |= find_abbreviations(text)
        self.acronyms = initialisms(texts)

    def long_form(self, word: str, question: str) -> str | None:
        """What an abbreviation in the question stands for in the texts, if they say.

        Defined abbreviations ("CBT") count however they are written; initialisms the texts
        only imply ("TMD") count when the question writes them in capitals.
        """
        for form in (word, word.removesuffix("s")):
            if form in self.abbreviations:
                return self.abbreviations[form]
            if form in self.acronyms and question_uses_upper(question, form):
                return self.acronyms[form]
        return None

    def expand(self, question: str) -> str:
        """The question with the long form of every abbreviation it uses appended."""
        extra = []
        for word in content_words(question):
            long = self.long_form(word, question)
            if long and long not in extra:
                extra.append(long)
            for term in self.completions(word):
                if term not in extra:
                    extra.append(term)
        return " ".join([question, *extra])

    def completions(self, word: str) -> list[str]:
        """The article words a clipped word stands for: "physio" for "physiotherapy", "fibro"
        for "fibromyalgia". Only a rare word counts, written as the start of at most
        ``MAX_COMPLETIONS`` article words: "worth" is a word of its own, not a clipped
        "worthlessness"; "infusion" is a form of "infusions", which BM25's stems already match."""
        if (
            len(word) < 5
            or stem_words([word])[0] in self.stems  # a form of an article word: BM25 has it
            or zipf_frequency(word, "en") >= CLIPPED_ZIPF
        ):
            return []
        completed = [t for t in self.terms if t.startswith(word)]
        return completed if len(completed) <= MAX_COMPLETIONS else []

    def unknown_words(self, question: str) -> list[str]:
        """Content words of the question the texts do not use, even misspelt or inflected."""
        return [w for w in content_words(question) if not self._knows(w, question)]

    def asked_words(self, words: Sequence[str], questions: Iterable[int]) -> list[str]:
        """The ``words`` (in any form) that the given questions of ``asked`` use: "vent" when
        "can i vent about stuff in therapy" is one of them."""
        used = frozenset().union(*(self._asked_stems[i] for i in questions))
        return [word for word in words if stem_words([word])[0] in used]

    def _knows(self, word: str, question: str) -> bool:
        stem = stem_words([word])[0]
        if self.long_form(word, question) or stem in self.stems:
            return True
        # "physio" for "physiotherapy", "inflamed" for "inflammation": the word's stem begins
        # an article word's stem ("medicare" does not begin "medic").
        if len(stem) >= 5 and any(s.startswith(stem) for s in self.stems):
            return True
        # A misspelling of an article word, but never a real word that only looks like one
        # ("medicare" is not "medical").
        return (
            len(word) >= 5
            and zipf_frequency(word, "en") < MISSPELLING_ZIPF
            and self._misspelt_term(word) is not None
        )

    def _misspelt_term(self, word: str) -> str | None:
        """The article word that ``word`` (lower case) is a slip for, if any."""
        close = difflib.get_close_matches(word, self.terms, n=1, cutoff=_MIN_SPELLING_RATIO)
        return close[0] if close and not is_derived(word, close[0]) else None

    def respell(self, question: str) -> str:
        """The question with misspelt words replaced by the article word they resemble."""

        def fix(match: re.Match[str]) -> str:
            word = match.group(0)
            lower = word.lower()
            if (
                len(lower) < 4
                or lower in self._term_set
                or lower in self.abbreviations
                or zipf_frequency(lower, "en") >= MISSPELLING_ZIPF
            ):
                return word
            return self._misspelt_term(lower) or word

        return _WORD.sub(fix, question)


def is_derived(word: str, term: str) -> bool:
    """True when ``word`` is ``term`` with letters added at one end, a word of its own
    ("esketamine" for "ketamine", "nonantidepressant" for "antidepressants") rather than a
    slip of the keyboard, which adds at most one letter. In front, the term's stem is looked
    for, so its ending ("antidepressants") does not hide a prefix; a misspelt word whose own
    stem differs ("catastrophising") is still a slip."""
    prefixed = word.find(stem_words([term])[0]) >= 2
    suffixed = len(word) >= len(term) + 2 and word.startswith(term)
    return prefixed or suffixed


def question_uses_upper(question: str, word: str) -> bool:
    """True when the question writes the word in capitals, as an abbreviation."""
    return re.search(rf"\b{re.escape(word.upper())}s?\b", question) is not None


def is_everyday(word: str) -> bool:
    """True for words common in any English text (by the wordfreq corpus)."""
    return zipf_frequency(word, "en") >= EVERYDAY_ZIPF


def without_word(question: str, word: str) -> str:
    """The question with every occurrence of a word removed."""
    return re.sub(rf"\b{re.escape(word)}\b", " ", question, flags=re.IGNORECASE).strip()
