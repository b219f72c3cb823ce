"""The whole path, with the real model and article: quote, refuse, or send help."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from corpus.documents import Document
from retrieval.answer import DEFAULT_DISCLAIMER, DEFAULT_RESOURCES, Answer, Kind
from retrieval.answerer import MAX_UNKNOWN_WORDS, SUGGESTION_COUNT, Answerer
from retrieval.crisis import signals_crisis
from retrieval.crisis_examples import PROBE_SIGNALS
from retrieval.encoder import Encoded


@pytest.fixture
def encode_calls(answerer: Answerer, monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The texts of every ``encoder.encode`` call made from now on in the test (the question's
    own call, ``encode_tokens``, is not one of them)."""
    calls: list[list[str]] = []
    encode = answerer.encoder.encode

    def counting(texts: list[str]) -> object:
        calls.append(texts)
        return encode(texts)

    monkeypatch.setattr(answerer.encoder, "encode", counting)
    return calls


def _assert_verbatim(answer: Answer, article: Document) -> None:
    for passage in answer.passages:
        assert passage.doc_id == article.id
        assert article.text[passage.start : passage.end] == passage.text
        assert passage.highlight_text in passage.text


@pytest.mark.parametrize(
    "question",
    [
        "What is the capital of France?",
        "tell me a joke",
        "asdkjh qwpeoiu zxmcnb",
        "🙂🙂🙂",
        "Who won the football last night?",
        "",
        "?",
    ],
)
def test_off_topic_is_not_found_with_three_suggestions(
    answerer: Answerer, documents: list[Document], question: str
) -> None:
    answer = answerer.ask(question)
    assert answer.kind is Kind.NOT_FOUND
    assert answer.passages == []
    assert answer.message == "The article does not cover that question."
    assert len(answer.suggestions) == SUGGESTION_COUNT == 3
    assert set(answer.suggestions) <= {s for d in documents for s in d.suggestions}
    assert answer.disclaimer == DEFAULT_DISCLAIMER


def test_a_word_the_article_never_uses_is_named(answerer: Answerer) -> None:
    answer = answerer.ask("does insurance cover ketamine?")
    assert answer.kind is Kind.NOT_FOUND
    assert answer.missing == ["insurance"]
    assert "does not mention “insurance”" in answer.message
    assert answer.passages == []
    assert len(answer.suggestions) == 3


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("how much does ketamine therapy cost?", "does not give prices"),
        ("where is emerge wellness located", "does not say where the clinic is"),
        ("how many ketamine sessions will i need", "does not give a number for that"),
        # nothing is near enough to quote: what is missing is said all the same
        ("what are your opening hours", "does not give opening hours"),
    ],
)
def test_a_kind_of_fact_the_article_does_not_give_is_said(
    answerer: Answerer, question: str, said: str
) -> None:
    # Every word but one is the article's, and the search finds the passage on the subject:
    # what it lacks is the kind of fact asked for (retrieval.asked_for).
    answer = answerer.ask(question)
    assert answer.kind is Kind.NOT_FOUND
    assert said in answer.message
    assert answer.passages == []


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("how long does pain have to last to be chronic", "more than three months"),
        ("how many adults with chronic pain are depressed", "Nearly 40%"),
        ("how long has ketamine been studied for depression", "two decades"),
    ],
)
def test_a_kind_of_fact_the_article_gives_is_quoted(
    answerer: Answerer, question: str, phrase: str
) -> None:
    answer = answerer.ask(question)
    assert answer.kind is Kind.ANSWER
    assert phrase in answer.passages[0].text


def test_no_question_the_article_answers_is_refused_for_the_kind_it_asks_for(
    answerer: Answerer, documents: list[Document]
) -> None:
    # The questions each passage answers (corpus/documents/*.questions.toml) and the suggested
    # ones: "how long does ketamine take to kick in" asks for a length of time, and gets one.
    asked = [q for doc in documents for entry in doc.questions for q in entry.questions]
    asking = [q for q in [*asked, *answerer.suggestions] if answerer.asked_for.kinds(q)]
    assert asking  # the check checks something
    refused = [q for q in asking if answerer.ask(q).kind is not Kind.ANSWER]
    assert refused == []


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("can pregnant women get ketamine", "pregnant"),
        ("can i get ketamine if i had covid", "covid"),
    ],
)
def test_the_circumstance_a_question_of_fitness_turns_on_is_named(
    answerer: Answerer, question: str, named: str
) -> None:
    # Removing "pregnant" moves the question little: "can women get ketamine" carries it.
    answer = answerer.ask(question)
    assert answer.kind is Kind.NOT_FOUND
    assert answer.missing == [named]


def test_a_circumstance_the_article_covers_is_answered(answerer: Answerer) -> None:
    answer = answerer.ask("is ketamine safe if i have fibromyalgia and depression")
    assert answer.kind is Kind.ANSWER


def test_a_missing_word_is_named_in_a_message_of_several_sentences(answerer: Answerer) -> None:
    # Its sentences are weighed by the crisis net too, and must not shift what is named.
    answer = answerer.ask("Hello there, I have a question. Does insurance cover ketamine?")
    assert answer.kind is Kind.NOT_FOUND
    assert answer.missing == ["insurance"]


def test_a_question_of_many_unknown_words_embeds_a_bounded_batch(
    answerer: Answerer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each unknown word costs two more rows in the model call: a pasted list must not make
    # the call huge. Twenty words no article uses: the question and 2 x MAX_UNKNOWN_WORDS rows.
    batches: list[int] = []
    encode_tokens = answerer.encoder.encode_tokens

    def counting(texts: list[str]) -> Encoded:
        batches.append(len(texts))
        return encode_tokens(texts)

    monkeypatch.setattr(answerer.encoder, "encode_tokens", counting)
    pasted = " ".join(f"zorblat{chr(97 + i)}x" for i in range(20))
    answerer.ask(f"does ketamine help {pasted}")
    assert batches == [1 + 2 * MAX_UNKNOWN_WORDS]


def test_ptsd_is_named_as_missing(answerer: Answerer) -> None:
    answer = answerer.ask("Does ketamine help PTSD?")
    assert answer.kind is Kind.NOT_FOUND
    assert answer.missing == ["ptsd"]


def test_a_word_of_the_story_around_the_question_is_not_named(answerer: Answerer) -> None:
    # "bf" and "scam" are the clause that tells, not the one that asks: the article's account
    # of the studies answers it. Said as the question, "scam" would still not be named (a
    # word of judgement), and "PTSD" would.
    answer = answerer.ask("my bf thinks ketamine therapy is a scam, has it actually been studied")
    assert answer.kind is Kind.ANSWER and answer.missing == []
    assert answerer.ask("I have PTSD. Can ketamine help me?").missing == ["ptsd"]


def test_a_word_of_a_close_question_the_catalog_says_the_article_answers_is_not_named(
    answerer: Answerer,
) -> None:
    # The article says "IV infusions"; "is ketamine given through a drip" is one of the
    # catalog's questions, close to this one.
    answer = answerer.ask("do ketamine drips hurt")
    assert answer.kind is Kind.ANSWER and answer.missing == []
    never = dataclasses.replace(answerer.policy.thresholds, asked=1.01)
    blind = Answerer(
        answerer.encoder,
        answerer.index,
        suggestions=[],
        policy=dataclasses.replace(answerer.policy, thresholds=never),
        crisis_net=answerer.crisis_net,
    )
    assert blind.ask("do ketamine drips hurt").missing == ["drips"]


def test_a_word_the_catalog_s_questions_use_for_another_subject_is_still_named(
    answerer: Answerer,
) -> None:
    # "for ages" and "friends and family" are among the catalog's questions, far from these.
    assert answerer.ask("is there a minimum age for ketamine").missing == ["age"]
    assert answerer.ask("does fibromyalgia run in families").missing == ["families"]


def test_a_misspelt_message_is_weighed_by_the_crisis_net_as_typed_too(
    answerer: Answerer, encode_calls: list[list[str]]
) -> None:
    # The net's examples are typed as people type: respelled, this one is no longer near the
    # labelled copy of it, as typed it is. A message the respelling leaves alone costs no
    # second look.
    typed = "i jsut want to go to slep and stay there forevr the paain is to much evry day"
    respelled = answerer.searcher.vocabulary.respell(typed)
    assert typed in PROBE_SIGNALS and respelled != typed and not signals_crisis(typed)
    assert not answerer.crisis_net.catches(answerer.encoder.encode([respelled])[0])
    assert answerer.ask(typed).kind is Kind.CRISIS
    encode_calls.clear()
    answerer.ask("how fast does ketamine work")
    assert encode_calls == []


def test_words_the_question_hinges_on_only_together_are_named_together(
    answerer: Answerer,
) -> None:
    # Without "pregnant" the question is still about breastfeeding, and the other way round:
    # neither alone moves it far enough, both together do.
    answer = answerer.ask("can I have ketamine while pregnant or breastfeeding")
    assert answer.kind is Kind.NOT_FOUND and answer.passages == []
    assert answer.missing == ["pregnant", "breastfeeding"]


def test_many_unknown_words_of_a_long_message_are_never_named_together(
    answerer: Answerer, encode_calls: list[list[str]]
) -> None:
    # A rambling message has many words the article does not use; removing them all changes
    # any question, so only two or three are ever weighed together (and no model call is made).
    question = "my sister's knee went skiing and shes grumpy and tearful, is that the pain"
    words = ["knee", "skiing", "grumpy", "tearful"]
    vector = np.ones(answerer.encoder.dimension, dtype=np.float32)
    assert answerer.missing_together(question, words, query=vector, answering=vector) == []
    assert encode_calls == []
    # Three are still weighed together, with one model call.
    answerer.missing_together(question, words[:3], query=vector, answering=vector)
    assert len(encode_calls) == 1


def test_a_question_with_one_unknown_word_costs_no_extra_model_call(
    answerer: Answerer, encode_calls: list[list[str]]
) -> None:
    # One unknown word ("arthritis"), not named: the question is answered.
    assert answerer.ask("can ketamine treat migraine or arthritis").kind is Kind.ANSWER
    assert encode_calls == []


@pytest.mark.parametrize(
    "question",
    ["I want to end it all", "I don't want to live anymore", "I've been saving up my pills"],
)
def test_crisis_gets_resources_and_no_quotes(answerer: Answerer, question: str) -> None:
    answer = answerer.ask(question)
    assert answer.kind is Kind.CRISIS
    assert answer.passages == []
    assert answer.resources == list(DEFAULT_RESOURCES)
    assert answer.message.startswith("I'm really sorry")
    assert answer.disclaimer == DEFAULT_DISCLAIMER


def test_crisis_wins_over_a_question_the_article_answers(answerer: Answerer) -> None:
    assert answerer.ask("how fast does ketamine work? I want to die").kind is Kind.CRISIS


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("What is CBT?", "Cognitive Behavioral Therapy (CBT) is one of the most effective"),
        ("how fast does ketamine work?", "relief within hours or days"),
        ("What is TMD?", "Temporal mandibular disorder"),
        ("does inflamation affect mood", "too much inflammation can cause damage"),
        ("this pain is killing me, can ketamine help?", "Ketamine"),
    ],
)
def test_answerable_questions_quote_the_article_verbatim(
    answerer: Answerer, article: Document, question: str, phrase: str
) -> None:
    answer = answerer.ask(question)
    assert answer.kind is Kind.ANSWER
    assert 1 <= len(answer.passages) <= 3
    assert any(phrase in p.text for p in answer.passages)
    assert answer.message == "Here is what the article says:"
    assert answer.suggestions == [] and answer.missing == []
    assert answer.disclaimer == DEFAULT_DISCLAIMER
    _assert_verbatim(answer, article)


@pytest.mark.parametrize("top_k", [1, 2, 5])
def test_top_k_caps_the_quotes(answerer: Answerer, top_k: int) -> None:
    answer = answerer.ask("how does ketamine work in the brain?", top_k=top_k)
    assert answer.kind is Kind.ANSWER
    assert 1 <= len(answer.passages) <= top_k


def test_personal_advice_quotes_but_points_to_the_clinician(
    answerer: Answerer, article: Document
) -> None:
    answer = answerer.ask("should I stop my antidepressants")
    assert answer.kind is Kind.ANSWER
    assert answer.message.startswith("I can't tell you what is right for you")
    assert "clinician" in answer.message
    _assert_verbatim(answer, article)


def test_medicare_is_named_as_missing(answerer: Answerer) -> None:
    answer = answerer.ask("does medicare cover ketamine?")
    assert answer.kind is Kind.NOT_FOUND
    assert "medicare" in answer.missing


def test_a_question_naming_a_section_is_answered_from_its_start(answerer: Answerer) -> None:
    answer = answerer.ask("what are the key takeaways")
    assert answer.kind is Kind.ANSWER
    assert [p.section for p in answer.passages] == ["Key Takeaways"] * 3
    assert answer.passages[0].text.startswith("Chronic pain and depression often occur together")


@pytest.mark.parametrize("question", ["summarize it", "tl;dr", "main points?"])
def test_a_summary_of_the_whole_article_quotes_its_summary_from_the_start(
    answerer: Answerer, question: str
) -> None:
    answer = answerer.ask(question)
    assert answer.kind is Kind.ANSWER and answer.missing == []
    assert [p.section for p in answer.passages] == ["Key Takeaways"] * 3  # the catalog's
    assert answer.passages[0].text.startswith("Chronic pain and depression often occur together")


def test_what_the_article_is_about_is_said_by_its_opening_then_its_summary(
    answerer: Answerer,
) -> None:
    answer = answerer.ask("what is this page about?")
    assert answer.kind is Kind.ANSWER and answer.missing == []
    assert [p.section for p in answer.passages] == ["Introduction"] + ["Key Takeaways"] * 2
    assert answer.passages[0].highlight_text.startswith("This article explores")


def test_a_drug_named_after_ketamine_is_not_read_as_a_slip_for_it(answerer: Answerer) -> None:
    answer = answerer.ask("what is esketamine")  # the nasal spray: not in the article
    assert answer.kind is Kind.NOT_FOUND
    assert answer.missing == ["esketamine"]


@pytest.mark.parametrize("message", ["thank you!", "tell me more", "hi"])
def test_conversation_gets_a_way_on_not_a_rebuff(answerer: Answerer, message: str) -> None:
    answer = answerer.ask(message)
    assert answer.kind is Kind.NOT_FOUND and answer.passages == []
    assert "does not cover" not in answer.message
    assert answer.suggestions == answerer.suggestions[:3]


def test_a_crisis_signal_comes_before_small_talk(answerer: Answerer) -> None:
    assert answerer.ask("thanks, but i want to die").kind is Kind.CRISIS


def test_what_only_the_net_catches_gets_the_resources_then_the_quotes(
    answerer: Answerer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The net is less sure than the rules: a visitor it takes for a person at risk still gets
    # the answer, after the resources.
    monkeypatch.setattr(answerer, "_net_catches", lambda message, vector: True)
    answer = answerer.ask("What is CBT?")
    assert answer.kind is Kind.CRISIS and answer.resources
    assert any("Cognitive Behavioral Therapy" in p.text for p in answer.passages)
