"""The circumstance a question of fitness turns on: tiny inputs."""

from __future__ import annotations

import pytest

from retrieval.conditions import condition_words


@pytest.mark.parametrize(
    ("question", "candidates", "named"),
    [
        ("can pregnant women get ketamine", ["pregnant"], ["pregnant"]),
        ("can i get ketamine if i had covid", ["covid"], ["covid"]),
        ("is ketamine safe with high blood pressure", ["high", "pressure"], ["pressure"]),
        ("is it ok to have infusions while nursing", ["nursing"], ["nursing"]),
        ("can people with kidney disease have ketamine", ["kidney"], ["kidney"]),
        ("is it safe to get ketamine if I have Parkinson's", ["parkinson"], ["parkinson"]),
        ("can i still do ketamine if im on lithium", ["lithium"], ["lithium"]),
    ],
)
def test_the_circumstance_of_a_question_of_fitness_is_named(
    question: str, candidates: list[str], named: list[str]
) -> None:
    assert condition_words(question, candidates) == named


@pytest.mark.parametrize(
    ("question", "candidates"),
    [
        # no question of fitness: the story's words are the rule of missing words' to weigh
        ("what happens to pain during pregnancy", ["pregnancy"]),
        # who asks or how they feel, not a circumstance they have (a review's false refusals)
        ("I'm a nurse, can I still have ketamine?", ["nurse"]),
        ("I'm curious, can I try ketamine if nothing else worked?", ["curious"]),
        ("I'm asking for my mum, can she get ketamine for her chronic pain?", ["mum"]),
        ("can i try cbt if im really low", ["low"]),
        ("can i still have ketamine if im feeling a bit dizzy", ["bit"]),
        ("is it safe to have ketamine if i get dizzy easily", ["easily"]),
        ("Is it safe to do aerobic exercise when my pain flares up?", ["flares"]),
        ("Can I get infusions while my kids are at school", ["kids"]),
        ("is cbt ok for someone who hates talking", ["hates"]),
        ("can i have my ketamine at home or with medical staff around", ["staff", "home"]),
        ("is ketamine safe?? sounds sketchy ngl", ["sounds", "sketchy", "ngl"]),
        # a circumstance in the story, not in the clause that asks
        (
            "during covid i lost my job and got depressed, could i try ketamine for pain?",
            ["covid"],
        ),
        # a circumstance the article covers: its words are no candidates
        ("can i have ketamine if i have fibromyalgia", []),
    ],
)
def test_nothing_is_named_outside_a_circumstance_of_fitness(
    question: str, candidates: list[str]
) -> None:
    assert condition_words(question, candidates) == []
