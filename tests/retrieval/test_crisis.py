"""The crisis detector: every signal caught, no alarm on ordinary questions or idioms."""

from __future__ import annotations

import pytest

from retrieval.crisis import signals_crisis

CRISIS = [
    # naming it
    "I want to kill myself",
    "I'M GOING TO KILL MYSELF",
    "i wanna kill myself",
    "I feel like killing myself",
    "I've been thinking about suicide",
    "I feel suicidal",
    "Suicidal thoughts every night",
    "would ketamine help with suicidal thoughts",
    "I want to end my life",
    "I have a plan to end my life",
    "I'm planning to take my own life",
    "I want to unalive myself",
    "kms",
    "I'm thinking of overdosing on my meds",
    "I'm going to overdose tonight",
    "thinking about jumping off a bridge",
    "I'm going to jump in front of a train",
    "I'm going to hang myself",
    "I'm going to poison myself",
    # indirectly
    "I don't want to live anymore",
    "I don’t want to live anymore",
    "I do not want to be alive",
    "I no longer want to exist",
    "I don't want to be here anymore",
    "i just want to go to sleep and never wake up",
    "I hope I don't wake up tomorrow",
    "I don’t want to wake up tomorrow",
    "sometimes i think about ending it all",
    "I'm going to end it tonight",
    "I want to die",
    "I'm ready to die",
    "I wish I was dead",
    "I wish I had never been born",
    "everyone would be better off without me",
    "I feel like I'd be better off dead",
    "there's no reason to live",
    "there's no point in going on",
    "what's the point of living with this pain",
    "life isn't worth living anymore",
    "I can't go on like this",
    "I can't keep going",
    "I can't take it anymore",
    "I'm tired of living",
    "I'm tired of being alive",
    "I want to disappear forever",
    "I won't be around much longer",
    # self-harm
    "I want to hurt myself",
    "I hurt myself on purpose",
    "I've been burning myself",
    "i started cutting again",
    "I cut my arms last night",
    "I keep cutting my wrists",
    "I self harm when the pain is bad",
    # preparing
    "I've been saving up my pills just in case",
    "I'm stockpiling my meds",
    "I have been hoarding tablets",
    "I've been collecting pills to end it",
    "I wrote a goodbye letter",
    "I'm writing my goodbye note",
    "I'm giving away all my things",
    "I've got a noose ready",
    # someone else
    "my daughter says she wants to kill herself",
    "my husband talks about killing himself",
    "my friend is suicidal what do I do",
    "my son has been self-harming",
    "my teenager has been cutting",
    "my brother said he wants to die",
    "my mom keeps saying she'd be better off dead",
    "my friend is talking about ending his life",
    "my dad keeps talking about ending it all",
    "my husband said he has a rope ready",
    "my son wrote a suicide note",
]


def _missed(message: str) -> object:
    return pytest.param(
        message, marks=pytest.mark.xfail(strict=True, reason="crisis signal not caught")
    )


# Clear signals that retrieval/crisis.py misses today: each is a bug (see the report).
CRISIS_MISSED = [
    _missed("I wanna die"),
    _missed("I took too many pills"),
    _missed("I'm going to swallow all my pills"),
    _missed("I've been thinking about taking all my pills at once"),
    _missed("I've been looking up how many pills it takes to die"),
    _missed("I have pills saved up just in case"),
    _missed("thinking of taking my life"),
    _missed("I'm thinking of ending things"),
    _missed("I want it all to end"),
    _missed("I'd rather be dead than live with this pain"),
    _missed("I don't see the point in living anymore"),
    _missed("there's no reason for me to go on"),
    _missed("I don't care if I live or die"),
    _missed("I think about dying every day"),
    _missed("I wish I wouldn't wake up"),
    _missed("sometimes I wish I was never born"),
    _missed("nobody would miss me if I was gone"),
    _missed("everyone would be better off if I were gone"),
    _missed("my family would be better off if I was dead"),
    _missed("I'm not going to be here much longer"),
    _missed("I have a gun and I'm thinking of using it on myself"),
    _missed("I'm scared I might do something to myself"),
    _missed("can ketamine stop me wanting to die"),
    _missed("I'm cutting myself"),  # cut(?:ing|s)? never matches "cutting"
    _missed("my teen is cutting herself"),
    _missed("my daughter is starving herself"),  # starve(?:ing|s)? never matches "starving"
    _missed("my sister keeps saying she wishes she were dead"),
]

ORDINARY = [
    # idioms
    "this pain is killing me, can ketamine help?",
    "my back is killing me",
    "my knees are killing me",
    "this depression is killing me slowly",
    "I'm dying to know if ketamine works",
    "I'm dying for some relief",
    "I died laughing at my physio",
    "I'm at the end of my rope with this back pain",
    "ketamine saved my life",
    # cutting, ending, living, waking: about pain and treatment
    "can ketamine cut my pain in half",
    "can I cut back on my medication",
    "my doctor is cutting down my dose",
    "I keep cutting back on my painkillers",
    "can I cut down on antidepressants if ketamine works",
    "will ketamine kill the pain",
    "does ketamine kill brain cells",
    "how do I end the cycle of pain and depression",
    "can ketamine end my depression",
    "will ketamine end my suffering",
    "how do I end my depression for good",
    "my pain feels like it will never end",
    "will the pain ever end",
    "I want to live a normal life again",
    "I want to live without pain",
    "I want my life back",
    "I want to wake up without pain",
    "can I save money on ketamine",
    "I have been collecting information about ketamine",
    # ordinary questions about pain, depression and the article
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
    "is ketamine an anesthetic",
    "does exercise help with pain",
    "what is fibromyalgia",
    "what is CRPS",
    "my jaw hurts, is that linked to depression",
    "how does inflammation affect mood",
    "what does serotonin do",
    "does ketamine help treatment-resistant depression",
    "does ketamine help people who feel hopeless",
    "how is ketamine given",
    "will ketamine make me dizzy",
    "is it safe to drive after ketamine",
    "how many sessions of ketamine do people need",
    "I feel isolated and alone with my pain",
    "how can I build resilience",
    "what does Emerge Wellness offer",
    "do antidepressants cause weight gain",
    "the pain is unbearable some days",
    "I'm exhausted from the pain",
    "I'm sick and tired of this pain",
    "does poor sleep make depression worse",
    "how do I pace my activities",
]


def _alarmed(message: str) -> object:
    return pytest.param(message, marks=pytest.mark.xfail(strict=True, reason="false crisis alarm"))


# Ordinary messages that retrieval/crisis.py takes for a crisis today (see the report).
ORDINARY_ALARMED = [
    _alarmed("I hurt myself at the gym years ago and still have pain"),
    _alarmed("I don't want to go on antidepressants, is ketamine an option?"),
    _alarmed("I never want to go on antidepressants again"),
    _alarmed("I can't go on holiday because of the pain"),
    _alarmed("I can't keep going to work with this pain"),
    _alarmed("should I stop cutting my dose"),
    _alarmed("I've been cutting my pills in half"),
    _alarmed("I'm collecting my medication from the pharmacy tomorrow"),
    _alarmed("can I walk 5 kms after an infusion"),
    _alarmed("I'm writing a farewell card for a coworker"),
]


def test_the_lists_are_long_and_varied() -> None:
    assert len(CRISIS) >= 40 and len(ORDINARY) >= 40
    assert not set(CRISIS) & set(ORDINARY)


@pytest.mark.parametrize("message", [*CRISIS, *CRISIS_MISSED])
def test_crisis_signals_are_caught(message: str) -> None:
    assert signals_crisis(message)


@pytest.mark.parametrize("message", [*ORDINARY, *ORDINARY_ALARMED])
def test_ordinary_questions_raise_no_alarm(message: str) -> None:
    assert not signals_crisis(message)


@pytest.mark.parametrize("message", ["I want to die", "I wish I was dead"])
def test_a_signal_is_caught_inside_a_longer_question(message: str) -> None:
    assert signals_crisis(f"How fast does ketamine work? Honestly, {message}. Thanks.")


def test_empty_messages_raise_no_alarm() -> None:
    assert not signals_crisis("")
    assert not signals_crisis("   ")
