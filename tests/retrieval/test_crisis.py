"""The crisis detector: every signal caught, no alarm on ordinary questions or idioms."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.crisis import signals_crisis
from retrieval.evaluation import Category, load_examples

DEV_SET = Path(__file__).resolve().parents[2] / "eval" / "dev.jsonl"

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
    "i might as well be dead",
    "honestly I may as well just die, nothing helps the pain",
    "I don't see a way out except death",
    "I can't see a way out of this except death",
    "is there any way out of this besides dying",
    "death feels like the only way out of this pain",
    "I'm planning my funeral",
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
    # missed before the rules were rewritten (each was a recorded bug)
    "I wanna die",
    "I took too many pills",
    "I'm going to swallow all my pills",
    "I've been thinking about taking all my pills at once",
    "I've been looking up how many pills it takes to die",
    "I have pills saved up just in case",
    "thinking of taking my life",
    "I'm thinking of ending things",
    "I want it all to end",
    "I'd rather be dead than live with this pain",
    "I don't see the point in living anymore",
    "there's no reason for me to go on",
    "I don't care if I live or die",
    "I think about dying every day",
    "I wish I wouldn't wake up",
    "sometimes I wish I was never born",
    "nobody would miss me if I was gone",
    "everyone would be better off if I were gone",
    "my family would be better off if I was dead",
    "I'm not going to be here much longer",
    "I have a gun and I'm thinking of using it on myself",
    "I'm scared I might do something to myself",
    "can ketamine stop me wanting to die",
    "I'm cutting myself",  # cut(?:ing|s)? never matches "cutting"
    "my teen is cutting herself",
    "my daughter is starving herself",  # starve(?:ing|s)? never matches "starving"
    "my sister keeps saying she wishes she were dead",
    # typed on a phone: no apostrophes, lower case, stretched letters, slang
    "i wanna die",
    "i wanna diiie",
    "I want to dieee",
    "I WANT TO DIE!!!",
    "im gonna kill myself",
    "i want to kil myself",
    "i want to kill my self",
    "ima kms",
    "kms fr",
    "i just wanna kms",
    "im going to unalive myself",
    "thinking of unaliving",
    "dont want to be here anymore",
    "i dont wanna be here any more",
    "i dont want to be alive",
    "i    dont   want   to   live",
    "I don’t see the point in living anymore",
    "i cant do this anymore",
    "i cant go on",
    "i cant go on im so tired",
    "I can't go on like this with the pain?",
    "thinking of ending it",
    "ive been thinking of ending it all",
    "I'm thinking about ending my life",
    "i want to end it",
    "i just want it to end",
    "I've been thinking about killing myself",
    "been thinking about suicide alot",
    "i feel sucidal",
    "suicde thoughts again",
    "su1c1dal",
    "i want to hurt myself",
    "i want to harm myself",
    "I've been hurting myself",
    "im cutting myself again",
    "she's been burning herself",
    "I slit my wrists last year and feel the same now",
    "i have a plan",
    "I have a plan and the pills",
    "i know how i would do it",
    "no reason to live",
    "i have nothing to live for",
    "whats the point anymore",
    "life is pointless",
    "im tired of life",
    "i'm done with life",
    "i gave up on living",
    "i'd rather die than live like this",
    "id rather be dead",
    "i wish i was ded",
    "i wish i could just disappear",
    "i wish i could die",
    "i hope i die in my sleep",
    "i want to sleep forever",
    "i want to go to sleep and not wake up",
    "I don't want to wake up tomorrow",
    "no one would care if i died",
    "would anyone even notice if i disappeared",
    "nobody would miss me",
    "they would be better off without me",
    "i'm not going to be around much longer",
    "i'm scared i might do something stupid",
    "I'm afraid I'll do something to myself",
    "I don't care if I live or die anymore",
    # medicines as a means
    "what's a lethal dose",
    "what is the lethal dose of ketamine",
    "how many ketamine doses would be lethal",
    "how much ketamine would kill me",
    "how many pills does it take to die",
    "can you die from a ketamine overdose",
    "i want to od",
    "im going to OD on my meds",
    "i took a whole bottle of tylenol",
    "I swallowed all my sleeping pills",
    "i took way too much of my oxy",
    "I have enough pills to do it",
    "i've been hoarding my painkillers",
    "I have pills stashed away",
    # someone else
    "my son says he wants to die",
    "my wife said she wants to end her life",
    "my dad talks about dying all the time",
    "my daughter is talking about ending it",
    "my friend told me she has been cutting",
    "my husband is saving up his pills",
    "my mom said nobody would miss her",
    "my brother said he'd be better off dead",
    "my partner has a gun and talked about using it on himself",
    # getting ready
    "i've been giving away my stuff",
    "I'm putting my affairs in order",
    "this is goodbye",
    "i bought a rope and tied a noose",
    "thinking about jumping off the roof",
    "I'm going to step in front of a bus",
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
    "is there a way out of the pain and depression cycle",
    "I might as well try ketamine then",
    "I may as well die trying every treatment there is",
    "my dad is planning his own funeral with the hospice",
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
    # alarms raised before the rules were rewritten (each was a recorded bug)
    "I hurt myself at the gym years ago and still have pain",
    "I don't want to go on antidepressants, is ketamine an option?",
    "I never want to go on antidepressants again",
    "I can't go on holiday because of the pain",
    "I can't keep going to work with this pain",
    "should I stop cutting my dose",
    "I've been cutting my pills in half",
    "I'm collecting my medication from the pharmacy tomorrow",
    "can I walk 5 kms after an infusion",
    "I'm writing a farewell card for a coworker",
    # idioms
    "this pain is killing me slowly",
    "this heat is killing me",
    "I'm dying to try ketamine",
    "I'd kill for a good night's sleep",
    "my pain will end up killing me",
    "I'm killing it at physio lately",
    "dead tired after the infusion",
    "my legs are dead after physio",
    "I'm dead set on trying ketamine",
    "my phone died during the call",
    "I overdosed on coffee this morning",
    "I'm dying for a coffee",
    "I could sleep forever after an infusion",
    # cutting, hurting, burning: accidents and treatment
    "I'm trying to cut down on opioids",
    "I'm cutting back on caffeine",
    "I've been cutting carbs for my inflammation",
    "I hurt myself lifting boxes",
    "I injured myself playing football",
    "I accidentally cut myself cooking",
    "I'm cutting myself some slack",
    "I've been burning myself out at work",
    "I shot myself in the foot by cancelling physio",
    "how do I stop hurting my self esteem",
    # going on, living, waking, ending: about pain and treatment
    "I can't go on holiday this year because of my back",
    "I don't want to go on opioids",
    "is there any reason to go on antidepressants",
    "what's the point of going to physio",
    "what's the point of ketamine if the relief wears off",
    "I want to live a full life again",
    "I want my old life back",
    "ketamine helped me take my life back",
    "I can't wake up in the morning after ketamine",
    "I couldn't wake up this morning",
    "I never wake up refreshed",
    "I don't wake up until noon",
    "I gave up on opioids",
    "I'm tired of the pain",
    "I'm afraid of dying young",
    "can ketamine end my depression for good",
    "I want the pain to end",
    "I hope the pain won't be here anymore after treatment",
    # pills and doses
    "can I save money on my medication",
    "I'm collecting my prescription from the pharmacy",
    "I keep my pills in the kitchen",
    "can I swallow pills after an infusion",
    "how many pills should I take a day",
    "how much ketamine do people need",
    "what is the usual dose of ketamine",
    "can I walk 10 kms after an infusion",
    "I live a few kms from the clinic",
    "I have a plan for my treatment",
    "my treatment plan changed",
    "I'm writing a goodbye card for my physio",
    "does the gun-shaped massager help",
]


def test_the_lists_are_long_and_varied() -> None:
    assert len(CRISIS) >= 150 and len(ORDINARY) >= 120
    assert not set(CRISIS) & set(ORDINARY)


@pytest.mark.parametrize("message", CRISIS)
def test_crisis_signals_are_caught(message: str) -> None:
    assert signals_crisis(message)


@pytest.mark.parametrize("message", ORDINARY)
def test_ordinary_questions_raise_no_alarm(message: str) -> None:
    assert not signals_crisis(message)


@pytest.mark.parametrize("message", ["I want to die", "I wish I was dead"])
def test_a_signal_is_caught_inside_a_longer_question(message: str) -> None:
    assert signals_crisis(f"How fast does ketamine work? Honestly, {message}. Thanks.")


@pytest.mark.parametrize(
    "message",
    [
        "I don't want to be here anymore",
        "I don’t want to be here anymore",  # curly apostrophe
        "I dont want to be here anymore",  # none
        "i dont wanna be here any more",
        "I DON'T WANT TO BE HERE ANYMORE",
        "I   don't  want to be\nhere anymore",
        "I don't want to be hereeee anymore",
        "i want to diiiie",
        "i want to killlll myself",
        "I feel su1c1dal",
        "I wanna kill my self",
    ],
)
def test_the_way_a_phone_types_a_signal_does_not_hide_it(message: str) -> None:
    assert signals_crisis(message)


# Ambiguous on purpose: each could be informational or said of the pain alone, and each gets
# the crisis resources, because missing a person at risk is the greater harm (and the article
# says nothing about suicide, overdoses or lethal doses, so no answer is lost).
SAFETY_WINS = [
    "does ketamine cause suicidal thoughts?",
    "is ketamine used for suicidal depression",
    "can you overdose on ketamine",
    "what's a lethal dose of ketamine",
    "I can't go on like this with the pain?",
    "I'd rather die than go back on opioids",
    "I don't want to live with this pain anymore",
    "should I take all my pills at once",
]


@pytest.mark.parametrize("message", SAFETY_WINS)
def test_ambiguous_messages_err_on_the_side_of_safety(message: str) -> None:
    assert signals_crisis(message)


def test_the_dev_set_crisis_labels_agree_with_the_rules() -> None:
    examples = load_examples(DEV_SET)
    assert [e.question for e in examples if signals_crisis(e.question)] == [
        e.question for e in examples if e.category is Category.CRISIS
    ]


def test_empty_messages_raise_no_alarm() -> None:
    assert not signals_crisis("")
    assert not signals_crisis("   ")
