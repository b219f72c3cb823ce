"""The crisis detector: every signal caught, no alarm on ordinary questions or idioms."""

from __future__ import annotations

import pytest

from retrieval.crisis import signals_crisis

CRISIS = [
    "I don't want to live anymore",
    "I do not want to be alive",
    "i just want to go to sleep and never wake up",
    "I hope I don't wake up tomorrow",
    "sometimes i think about ending it all",
    "I want to end my life",
    "I'm going to end it tonight",
    "I've been thinking about suicide",
    "I feel suicidal",
    "would ketamine help with suicidal thoughts",
    "I want to kill myself",
    "my daughter says she wants to kill herself",
    "my husband talks about killing himself",
    "my friend is suicidal what do I do",
    "I've been saving up my pills just in case",
    "I'm stockpiling my meds",
    "I have been hoarding tablets",
    "i started cutting again",
    "I cut my arms last night",
    "I keep cutting my wrists",
    "my son has been self-harming",
    "I self harm when the pain is bad",
    "I want to hurt myself",
    "everyone would be better off without me",
    "my family would be better off if I was dead, they'd be better off dead without me",
    "I wish I was dead",
    "I wish I had never been born",
    "I want to die",
    "I'm ready to die",
    "there's no reason to live",
    "what's the point of living with this pain",
    "I can't go on like this",
    "I can't keep going",
    "I wrote a goodbye letter",
    "I'm writing my goodbye note",
    "I'm giving away all my things",
    "I'm planning to take my own life",
    "I'm thinking of overdosing on my meds",
    "I won't be around much longer",
    "life isn't worth living anymore",
    "I'm tired of living",
    "I want to disappear forever",
    "I no longer want to exist",
    "thinking about jumping off a bridge",
]

ORDINARY = [
    "this pain is killing me, can ketamine help?",
    "my back is killing me",
    "I'm dying to know if ketamine works",
    "can ketamine cut my pain in half",
    "how long does relief last",
    "what is CBT?",
    "how fast does ketamine work?",
    "is depression common with chronic pain",
    "does pain make depression worse",
    "what are the side effects of ketamine",
    "I feel sad all the time because of my pain",
    "I can't sleep because of the pain",
    "what is catastrophizing",
    "I keep thinking my pain will never improve",
    "how do I stop negative self-talk",
    "should I stop my antidepressants",
    "how much ketamine should I take",
    "can I cut back on my medication",
    "my doctor is cutting down my dose",
    "is ketamine an anesthetic",
    "does exercise help with pain",
    "what is fibromyalgia",
    "what is CRPS",
    "my jaw hurts, is that linked to depression",
    "how does inflammation affect mood",
    "what does serotonin do",
    "does ketamine help treatment-resistant depression",
    "how is ketamine given",
    "will ketamine make me dizzy",
    "I feel isolated and alone with my pain",
    "how can I build resilience",
    "what does Emerge Wellness offer",
    "do antidepressants cause weight gain",
    "the pain is unbearable some days",
    "I'm exhausted from the pain",
    "how do I end the cycle of pain and depression",
    "can ketamine end my depression",
    "my pain feels like it will never end",
    "I want to live a normal life again",
    "I want to wake up without pain",
    "does poor sleep make depression worse",
    "how do I pace my activities",
]


@pytest.mark.parametrize("message", CRISIS)
def test_crisis_signals_are_caught(message: str) -> None:
    assert signals_crisis(message)


@pytest.mark.parametrize("message", ORDINARY)
def test_ordinary_questions_raise_no_alarm(message: str) -> None:
    assert not signals_crisis(message)


def test_curly_apostrophes_are_understood() -> None:
    assert signals_crisis("I don’t want to live anymore")
