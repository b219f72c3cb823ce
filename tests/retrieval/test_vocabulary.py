"""Unknown words: what the article never uses, forgiving forms, typos and abbreviations."""

from __future__ import annotations

import pytest

from corpus.chunking import chunk_document
from corpus.documents import Document
from retrieval.vocabulary import (
    Vocabulary,
    article_terms,
    asks,
    clauses,
    content_words,
    context_words,
    initialisms,
    is_contraction,
    is_derived,
    is_everyday,
    question_uses_upper,
    without_word,
)


@pytest.fixture(scope="module")
def vocabulary(article: Document) -> Vocabulary:
    """The article's vocabulary, from the same texts the searcher indexes."""
    return Vocabulary([f"{p.section} {p.text}" for p in chunk_document(article).passages])


@pytest.mark.parametrize(
    "question",
    [
        "What is CBT?",
        "what is cbt",  # the article defines it, so case does not matter
        "Are SNRIs safe?",
        "What are TCAs?",
        "What is TMD?",  # the initials of "temporal mandibular disorder", written in capitals
        "does inflamation damage nerves",  # a misspelling of a word the article uses
        "does ketamin help",  # and another
        "are depressed patients in more pain",  # forms of words the article uses
        "antidepressant infusions",
        "what are ketamine's side effects",
        "How does physiotherapy help with pain?",
    ],
)
def test_words_the_article_uses_in_some_form_are_known(
    vocabulary: Vocabulary, question: str
) -> None:
    assert vocabulary.unknown_words(question) == []


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("does insurance cover ketamine?", "insurance"),
        ("Does ketamine help PTSD?", "ptsd"),
        ("what is tmd", "tmd"),  # in lower case it is a word, not an initialism
        ("Is ketamine safe with sertraline?", "sertraline"),
        ("can acupuncture help chronic pain", "acupuncture"),
    ],
)
def test_words_the_article_never_uses_are_unknown(
    vocabulary: Vocabulary, question: str, unknown: str
) -> None:
    assert unknown in vocabulary.unknown_words(question)


def test_a_real_word_close_to_an_article_word_is_still_unknown(vocabulary: Vocabulary) -> None:
    assert "medicare" in vocabulary.unknown_words("does medicare cover ketamine?")


def test_unknown_words_are_listed_once_in_question_order(vocabulary: Vocabulary) -> None:
    assert vocabulary.unknown_words("insurance, PTSD and more insurance") == ["insurance", "ptsd"]


def test_the_vocabulary_holds_the_article_s_abbreviations(vocabulary: Vocabulary) -> None:
    assert {"cbt", "crps", "snri", "tca"} <= vocabulary.abbreviations.keys()
    assert "tmd" in vocabulary.acronyms


def test_content_words_drop_question_words_and_repeats() -> None:
    assert content_words("What is the the CBT, really? And can I rest, rest?") == ["cbt", "rest"]


def test_words_asking_for_a_form_of_answer_are_no_subject() -> None:
    assert content_words("examples of catastrophic thoughts?") == ["catastrophic", "thoughts"]
    assert content_words("list the differences between SNRIs vs TCAs") == ["snris", "tcas"]
    assert content_words("briefly summarise the listed steps, with pros and cons") == []
    assert content_words("is there a waiting list") == ["waiting"]  # still a subject


def test_words_asking_for_a_judgement_are_no_subject() -> None:
    assert content_words("is it weird to get an antidepressant for fibro") == [
        "antidepressant",
        "fibro",
    ]
    assert content_words("is CBT actually proven or just a trendy thing") == ["cbt"]


def test_content_words_drop_contractions_typed_without_apostrophes() -> None:
    # A phone keyboard drops the apostrophe: "thats", "hes", "theyre" are no subject, and a
    # possessive is its noun.
    assert content_words("thats why hes upset, theyre sure it wasnt the others") == ["upset"]
    assert content_words("they've said it wouldn't help, it'll be ASD") == ["said", "help", "asd"]
    assert content_words("my back's been bad, is it mine or my neighbour's") == [
        "back",
        "bad",
        "neighbour",
    ]


@pytest.mark.parametrize("word", ["thats", "whos", "shes", "theyre", "wasnt", "didnt", "youve"])
def test_a_generic_word_contracted_is_a_contraction(word: str) -> None:
    assert is_contraction(word)


@pytest.mark.parametrize(
    "word", ["ill", "sore", "bed", "asd", "form", "tore", "hell", "shed", "cost", "hours"]
)
def test_a_word_of_its_own_is_no_contraction(word: str) -> None:
    assert not is_contraction(word)


def test_article_terms_are_distinct_lower_case_content_words() -> None:
    assert article_terms(["Pain and PAIN. Sleep, a pain."]) == ["pain", "sleep"]


def test_initialisms_of_runs_of_words_with_what_they_stand_for() -> None:
    assert initialisms(["temporal mandibular disorder"]) == {"tmd": "temporal mandibular disorder"}
    assert "abcdef" not in initialisms(["a b c d e f"])  # runs stop at five words
    assert "abcde" in initialisms(["a b c d e f"])


def test_initialisms_skip_little_words_and_need_three_letters() -> None:
    found = initialisms(["the National Institute of Health said"])
    assert found["nih"] == found["nioh"] == "national institute of health"
    assert "ni" not in found  # two letters would match some pair of words in any text


def test_long_forms_expand_defined_abbreviations_and_capitalised_initialisms(
    vocabulary: Vocabulary,
) -> None:
    assert vocabulary.expand("what is cbt") == "what is cbt cognitive behavioral therapy"
    assert vocabulary.expand("What is TMD?").endswith("temporal mandibular disorder")
    assert vocabulary.expand("what is tmd") == "what is tmd"  # lower case: a word, not TMD
    assert vocabulary.expand("are TCAs and SNRIs alike").count("antidepressants") == 1


@pytest.mark.parametrize(
    ("word", "completions"),
    [
        ("physio", ["physiotherapy"]),  # clipped: rare, and the start of the article word
        ("fibro", ["fibromyalgia"]),
        ("worth", []),  # a word of its own, though "worthlessness" begins with it
        ("weigh", []),  # a word of its own too (rarer), not a clipped "weight"
        ("infusion", []),  # a form of "infusions": BM25's stems match it already
        ("pain", []),  # an article word
        ("phys", []),  # four letters would begin too many words
        ("respon", []),  # begins three article words: which one?
    ],
)
def test_a_clipped_word_completes_to_the_article_words_it_begins(
    word: str, completions: list[str]
) -> None:
    texts = [
        "Physiotherapy helps. Fibromyalgia hurts. Feelings of worthlessness. Weight gain.",
        "Patients respond, responses, responsibility: IV infusions for pain.",
    ]
    assert Vocabulary(texts).completions(word) == completions


def test_expanding_a_question_appends_what_its_clipped_words_stand_for(
    vocabulary: Vocabulary,
) -> None:
    assert vocabulary.expand("does physio help") == "does physio help physiotherapy"
    assert vocabulary.expand("is it worth it") == "is it worth it"


@pytest.mark.parametrize(
    ("question", "respelled"),
    [
        ("what role does inflamation play", "what role does inflammation play"),
        ("is fibromialgia linked", "is fibromyalgia linked"),
        ("ketamin for depression?", "ketamine for depression?"),
        ("does medicare pay", "does medicare pay"),  # a real word is never respelled
        ("whats CBT", "whats CBT"),
        ("ketamines effects", "ketamine effects"),  # one letter added: a slip
        ("what is esketamine", "what is esketamine"),  # a drug of its own, not a slip
        ("is catastrophising common", "is catastrophizing common"),
    ],
)
def test_misspellings_are_respelled_as_the_article_writes_them(
    vocabulary: Vocabulary, question: str, respelled: str
) -> None:
    assert vocabulary.respell(question) == respelled


@pytest.mark.parametrize("word", ["physio", "inflamed"])
def test_a_word_that_begins_an_article_word_s_stem_is_known(
    vocabulary: Vocabulary, word: str
) -> None:
    assert vocabulary.unknown_words(f"what about {word}") == []


@pytest.mark.parametrize(
    ("question", "word", "expected"),
    [
        ("What is TMD?", "tmd", True),
        ("What are TMDs?", "tmd", True),
        ("what is tmd?", "tmd", False),
        ("What is Tmd?", "tmd", False),
    ],
)
def test_question_uses_upper(question: str, word: str, expected: bool) -> None:
    assert question_uses_upper(question, word) is expected


@pytest.mark.parametrize(
    ("word", "everyday"),
    [
        ("time", True),
        ("back", True),
        ("given", True),
        ("insurance", False),
        ("ketamine", False),
        ("acupuncture", False),
    ],
)
def test_is_everyday(word: str, everyday: bool) -> None:
    assert is_everyday(word) is everyday


def test_without_word_removes_every_whole_word_occurrence() -> None:
    reduced = without_word("Insurance: does insurance cover reinsurance?", "insurance")
    assert "nsurance:" not in reduced and " insurance " not in reduced
    assert reduced.endswith("cover reinsurance?")
    assert without_word("insurance", "insurance") == ""


@pytest.mark.parametrize(
    ("word", "term", "derived"),
    [("esketamine", "ketamine", True), ("ketamines", "ketamine", False),
     ("ketamin", "ketamine", False), ("ketaminergic", "ketamine", True),
     ("nonantidepressant", "antidepressants", True), ("antidepressant", "antidepressants", False),
     ("catastrophising", "catastrophizing", False), ("inflamation", "inflammation", False)],
)  # fmt: skip
def test_letters_added_at_one_end_make_a_word_of_its_own(
    word: str, term: str, derived: bool
) -> None:
    assert is_derived(word, term) is derived


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("mri showed nothing, is it real", ["mri showed nothing", "is it real"]),
        # a comma before anything but a question word does not split
        ("does ketamine, like, help with PTSD", ["does ketamine, like, help with PTSD"]),
        ("I have PTSD. Can it help?", ["I have PTSD.", "Can it help?"]),
        ("my bf says no,whats the point", ["my bf says no", "whats the point"]),
        ("", []),
    ],
)
def test_clauses_split_sentences_and_a_comma_before_a_question_word(
    message: str, expected: list[str]
) -> None:
    assert clauses(message) == expected


@pytest.mark.parametrize(
    ("clause", "asking"),
    [
        ("is my pain even real", True),
        ("r u guys a legit clinic", True),  # texting spellings
        ("y does that matter", True),
        ("ketamine for fibro?", True),
        ("my friend keeps going on about glutamate.", False),
        ("tell me about insurance", False),
    ],
)
def test_asks(clause: str, asking: bool) -> None:
    assert asks(clause) is asking


@pytest.mark.parametrize(
    ("message", "context"),
    [
        ("my bf thinks ketamine is a scam, has it been studied", {"bf", "thinks", "ketamine"}),
        ("I have PTSD. Can ketamine help me?", {"ptsd"}),
        # a word the asking clause uses too is asked about
        ("ketamine scares me. is ketamine safe", {"scares"}),
        # both clauses ask: no context
        ("is there an age limit, can teenagers get ketamine", set()),
        # nothing asks: all of it is the question
        ("tell me about insurance for ketamine", set()),
        ("does insurance cover ketamine", set()),
    ],
)
def test_context_words_are_the_words_only_statements_use(message: str, context: set[str]) -> None:
    assert context_words(message) == context


def test_the_words_the_given_questions_use_in_any_form() -> None:
    vocabulary = Vocabulary(
        ["Therapy offers a space to express emotions."],
        asked=["can i vent in therapy?", "how old are the ages studied"],
    )
    words = ["venting", "age", "scans"]
    assert vocabulary.asked_words(words, [0]) == ["venting"]
    assert vocabulary.asked_words(words, [1]) == ["age"]
    assert vocabulary.asked_words(words, [0, 1]) == ["venting", "age"]
    assert vocabulary.asked_words(words, []) == []
    # The article's own words are unchanged by them, and nothing is respelt to theirs.
    assert vocabulary.unknown_words("is therapy somewhere to vent") == ["somewhere", "vent"]
    assert vocabulary.respell("can i vnet") == "can i vnet"
