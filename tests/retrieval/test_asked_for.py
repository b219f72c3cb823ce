"""The kind of fact a question asks for, and whether a text gives it: tiny inputs."""

from __future__ import annotations

import pytest

from retrieval.asked_for import Asked, AskedFor, gives, join_or

ASKED_FOR = AskedFor(["Emerge Wellness"])


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("how much does ketamine therapy cost?", [Asked.PRICE]),
        ("how much is an infusion at emerge wellness", [Asked.PRICE]),
        ("ballpark price per session?", [Asked.PRICE]),
        ("is ketamine pricey", [Asked.PRICE]),
        ("what's it gonna set me back", [Asked.PRICE]),
        ("how much would i be looking at for a course of ketamine", [Asked.PRICE]),
        ("does insurance cover it", [Asked.PRICE]),
        ("is it covered by my health plan", [Asked.PRICE]),
        ("where is the clinic located", [Asked.PLACE]),
        ("where is Emerge Wellness?", [Asked.PLACE]),
        ("wheres emerge wellness located", [Asked.PLACE]),
        ("what city is emerge wellness in", [Asked.PLACE]),
        ("is there parking", [Asked.PLACE]),
        ("what are your opening hours", [Asked.HOURS]),
        ("are you open on saturdays", [Asked.HOURS]),
        ("when is the clinic open", [Asked.HOURS]),
        ("whats ur number", [Asked.CONTACT]),
        ("what's the phone number to book", [Asked.CONTACT]),
        ("how many sessions will i need", [Asked.NUMBER]),
        ("what percentage of people get better", [Asked.NUMBER]),
        ("how long does one infusion take", [Asked.DURATION]),
        ("how many days until ketamine works", [Asked.DURATION]),
        ("is there a minimum age", [Asked.AGE]),
        ("my grandad is 84, is he too old for ketamine", [Asked.AGE]),
        ("can my 16 year old son get ketamine", [Asked.AGE]),
        ("can teens be treated at your clinic", [Asked.AGE]),
        ("could she still get ketamine at her age?", [Asked.AGE]),
        ("where is emerge wellness located and what are their hours", [Asked.PLACE, Asked.HOURS]),
    ],
)
def test_the_kind_a_question_asks_for(question: str, kinds: list[Asked]) -> None:
    assert ASKED_FOR.kinds(question) == kinds


@pytest.mark.parametrize(
    "question",
    [
        "what is ketamine",
        "how much does sleep matter for mood",  # "how much" without paying
        "how much should I pay attention to my sleep",
        "how much is depression linked to pain",
        "where does the 40% number come from",  # "where" not about the clinic
        "where is the pain located in CRPS?",
        "I don't know where to start. which treatments are evidence based?",
        "is my pain worse in the evenings",
        "When is ketamine used? I'm open to trying it",  # "open" not opening hours
        "When is it ok to open up in therapy?",
        "how many types of chronic pain are most linked to depression?",  # a list answers
        "how many brain regions are involved in pain and emotion?",
        "I can barely walk from the parking lot to work. does physio help?",  # the story
        "I can't even answer the phone anymore. Is that depression?",
        "I read on a website that ketamine works fast, is that true?",
        "my depression has cost me my job. can ketamine help?",
        "Don't know how many times I've cried this week. Is my depression linked to my pain?",
        "no matter how long I sleep I still feel exhausted, why?",
        "I cook for children at a school and my back hurts. does pain cause depression?",
        "I'm only 34 but my joints feel too old. is that chronic pain?",
        "if I pay for counselling, which kind works best",
        "I can't afford to lose my job, is depression common with pain",
        "why should treatment address both conditions at once",
        # a second review's false refusals
        "whats the number one thing that makes pain and depression worse",
        "what's the number of adults with chronic pain who get depressed?",
        "what's the price you pay with antidepressants side effect wise?",
        "what is the cost of untreated depression",
        "where are you supposed to feel fibromyalgia pain?",
        "how many of my symptoms could be from poor sleep?",
    ],
)
def test_most_questions_ask_for_no_kind(question: str) -> None:
    assert ASKED_FOR.kinds(question) == []


def test_the_clinic_s_own_name_is_only_known_when_given() -> None:
    assert AskedFor().kinds("where is emerge wellness?") == []
    assert AskedFor().kinds("where is the clinic?") == [Asked.PLACE]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A session costs $300.", Asked.PRICE),
        ("Most insurance plans cover it.", Asked.PRICE),
        ("We are located at 12 Elm Street.", Asked.PLACE),
        ("Open Monday to Friday.", Asked.HOURS),
        ("Sessions run from 9am.", Asked.HOURS),
        ("Call 555-123-4567 to book.", Asked.CONTACT),
        ("Write to care@example.org.", Asked.CONTACT),
        ("Nearly 40% of adults with chronic pain.", Asked.NUMBER),
        ("Three key neurotransmitters are involved.", Asked.NUMBER),
        ("relief within hours or days", Asked.DURATION),
        ("pain that lasts for more than three months", Asked.DURATION),
        ("a few weeks", Asked.DURATION),
        ("It is approved for adults aged 18 and over.", Asked.AGE),
    ],
)
def test_a_text_that_gives_the_kind(text: str, kind: Asked) -> None:
    assert gives(text, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("therapy designed to address both physical and emotional symptoms", Asked.PLACE),
        ("the road to recovery", Asked.PLACE),
        ("CBT is one of the most effective forms of talk therapy", Asked.NUMBER),
        ("Ketamine is usually administered through IV infusions.", Asked.PRICE),
        ("Ketamine is usually administered through IV infusions.", Asked.DURATION),
        ("disruptions to work, social life, and day-to-day routines", Asked.DURATION),
        ("it took ages to feel better", Asked.AGE),
        ("Nearly 40% of adults with chronic pain.", Asked.AGE),  # no age group of adults
        ("temporary dizziness", Asked.DURATION),
    ],
)
def test_a_text_that_does_not_give_the_kind(text: str, kind: Asked) -> None:
    assert not gives(text, kind)


INFUSION = "Ketamine is usually administered through IV infusions under medical supervision."
HISTORY = "Over the past two decades, it has gained attention."
RELIEF = "Patients often report relief within hours or days."


def test_the_first_quote_must_give_what_one_question_asks_for() -> None:
    assert ASKED_FOR.not_given("how much does it cost", [INFUSION]) == [Asked.PRICE]
    assert ASKED_FOR.not_given("how much does it cost", ["Each infusion costs $400."]) == []
    assert ASKED_FOR.not_given("how is ketamine given", [INFUSION]) == []
    # "two decades" in a later quote is no number of sessions
    assert ASKED_FOR.not_given("how many sessions will i need", [RELIEF, HISTORY]) == [Asked.NUMBER]
    # nothing quoted: nothing gives it
    assert ASKED_FOR.not_given("how many sessions will i need", []) == [Asked.NUMBER]
    assert ASKED_FOR.not_given("what is ketamine", []) == []


def test_when_something_starts_is_answered_by_any_quote_how_long_it_lasts_by_the_first() -> None:
    assert ASKED_FOR.not_given("how soon would i feel better", [INFUSION, RELIEF]) == []
    assert ASKED_FOR.not_given("how long until it works", [INFUSION, RELIEF]) == []
    assert ASKED_FOR.not_given("how long does the relief last", [INFUSION, RELIEF]) == [
        Asked.DURATION
    ]


def test_a_question_of_two_is_answered_by_its_quotes_between_them() -> None:
    question = "How is ketamine given and how long does it take to work?"
    assert ASKED_FOR.not_given(question, [INFUSION, RELIEF]) == []
    assert ASKED_FOR.not_given(question, [INFUSION]) == [Asked.DURATION]


def test_join_or() -> None:
    assert join_or(["a"]) == "a"
    assert join_or(["a", "b"]) == "a or b"
    assert join_or(["a", "b", "c"]) == "a, b or c"
