"""The advice detector: a question about one's own treatment is sent to the clinician."""

from __future__ import annotations

import pytest

from retrieval.advice import asks_personal_advice

ADVICE = [
    "how much should I take",
    "how much ketamine should I take?",
    "should I stop my antidepressants",
    "Should I stop taking my antidepressants?",
    "should I try ketamine",
    "should I switch from my SNRI to ketamine",
    "can I drink alcohol after ketamine",
    "can I drive after my infusion",
    "can I come off my TCAs if ketamine works",
    "how often should I get infusions",
    "what dose of ketamine is right for me",
    "what is my dose",
    "is ketamine safe for me",
    "is it ok for me to combine ketamine and TCAs",
    "what should I do about my pain",
    "I am on sertraline, can I have ketamine?",
    "I am taking duloxetine, should I stop it",
    "Should I stop my antidepressants?",
    "should i double my dose",
    # one's own medicine, then a question, however the "I am" is typed
    "I'm on sertraline, can I have ketamine?",
    "I’m on sertraline, can I have ketamine?",
    "I'm taking duloxetine, can I also have ketamine",
    "im on amitriptyline can i try ketamine",
    "I'm currently on pregabalin, should I stop before an infusion?",
    "I've been on SNRIs for years, can I switch to ketamine?",
    "I take gabapentin, can I have ketamine too",
    # "should I" and a choice of care
    "should i do ketamine or keep going with physio",
    "Should I have ketamine or stick with my TCA?",
    "should i just keep taking gabapentin",
    "or should I have tapered off it?",
    "should i ask my doctor to raise it",
    "should i push for a higher dose",
    "should i keep pushing through the exercises or stop",
    "which one should i try first, CBT or ketamine",
    "would ketamine infusions be risky for me personally?",
    "is three sessions a week too much for me?",
    "can I cut back on my medication",
    # check8's first run: dropping a treatment, and "someone like me"
    "should i drop my CBT sessions now ive started ketamine",
    "should I give up physio if the infusions work",
    "how many infusions a week would be right for someone like me",
    # check9's first run: a dose up or down, and a change planned "myself"
    "should i ask to go higher or swap to something else",
    "can I go lower on the gabapentin?",
    "should I swap duloxetine for amitriptyline",
    "thinking of halving my venlafaxine myself cos of the sweating, is that a good idea",
    "planning to come off my pregabalin next week, is that safe?",
    # check10's first run: "ok for me to", "better for me to"
    "my tricyclic makes me so drowsy, would it be ok for me to take half on work days?",
    "my GP offered me either CBT or an SNRI, which one would be better for me to start with?",
    "would it be OK for me to just take half",
    # check12's first run: a "safe bet", a choice to "go with"
    "with my crps and heart issues, would ketamine be a safe bet for me specifically",
    "my pain doc says tramadol, my psych says ketamine, which one should i go with",
    "is ketamine the right choice for someone like me",
]

ORDINARY = [
    "where can I drop off my leftover tablets",
    "how does ketamine work",
    "what is CBT",
    "how much does pain affect sleep",
    "how many people with chronic pain are depressed",
    "how long does pain last before it is chronic",
    "what are the side effects of ketamine",
    "how is ketamine given",
    "can ketamine help depression",
    "do antidepressants help chronic pain",
    "which antidepressants are used for pain",
    "what is the dose of ketamine used",
    "can physiotherapy reduce pain",
    "should people with fibromyalgia try ketamine",
    "what should patients expect",
    "is ketamine safe",
    "what does Emerge Wellness offer",
    "",
    # the first person, but no medicine of their own
    "can ketamine help depression?",
    "I'm on the waiting list, can I read how ketamine works first?",
    "I'm interested in ketamine, how does it work",
    "I'm reading about TCAs, how do they work?",
    "do people on antidepressants also get ketamine",
    # "should I" about anything but a choice of care
    "what questions should I ask my doctor about ketamine?",
    "what should I have ready for my first appointment?",
    "should I do anything to prepare for the infusion?",
    "should I keep reading the article?",
    "shall I ask you something else?",
    "should i go for a walk after",
    "is ketamine risky for people with high blood pressure",
    # going up or down, and plans, that are no change of treatment
    "should i go up the stairs or take the lift to the clinic",
    "thinking of going to my sister's after the infusion, is that ok?",
    "planning to drive my mum to her appointment, is that ok with parking?",
    "does the pain go up or down with the weather",
    # "ok for me to" about the clinic's logistics or this website, or what someone "said"
    "Is it better for me to take the bus or park at the clinic?",
    "Is it fine for me to start the intake form before my consult?",
    "Would it be alright for me to change my appointment time?",
    "The doctor said it's fine for me to take it, so how does ketamine actually work?",
]


@pytest.mark.parametrize("question", ADVICE)
def test_personal_advice_is_recognised(question: str) -> None:
    assert asks_personal_advice(question)


@pytest.mark.parametrize("question", ORDINARY)
def test_questions_about_the_article_are_not_advice(question: str) -> None:
    assert not asks_personal_advice(question)
