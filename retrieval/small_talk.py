"""Recognising a message that is conversation, not a question: a greeting, thanks, or a
follow-up such as "tell me more" that needs the question it follows.

Each answer is found from its own question, so "why?" or "tell me more" has nothing to search
for, and answering "thank you" with "The article does not cover that question" reads as a
rebuff. Only a whole message counts: "hi, what is CBT?" is a question.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Talk(StrEnum):
    """What kind of conversation a message is."""

    GREETING = "greeting"
    THANKS = "thanks"
    FAREWELL = "farewell"
    FOLLOW_UP = "follow_up"


_POLITE = r"(?:ok(?:ay)?|great|cool|perfect|brilliant|awesome|lovely|nice|good|wonderful)"
_PATTERNS = {
    Talk.GREETING: r"(?:hi|hello|hey|hiya|howdy|greetings|good (?:morning|afternoon|evening|day))"
    r"(?: there| again)?",
    Talk.THANKS: rf"(?:{_POLITE} )*(?:thanks|thank you|thankyou|thx|ty|cheers|many thanks)"
    r"(?: (?:so|very) much| a lot| again)?(?: for (?:the|your|that|this) (?:help|answer|answers"
    r"|info|information|reply))?(?: {_POLITE})?",
    # A plain sign-off only: "this is goodbye" and "goodbye and thanks for everything" are
    # not conversation, and the crisis rules and net weigh them.
    Talk.FAREWELL: rf"(?:(?:{_POLITE}|thanks|thank you|thx|cheers) )*(?:bye|goodbye|good bye"
    r"|bye bye|bye for now|see you|see ya|cya|take care|good night|night|farewell|i am off"
    r"|(?:that is|thats) (?:all|it) from me(?: (?:bye|goodbye))?|(?:bye|goodbye) everyone"
    r"|have a (?:nice|good|great) (?:day|evening|night|one|weekend))"
    r"(?: (?:then|now|all|everyone))?",
    Talk.FOLLOW_UP: r"(?:(?:can you |could you |please )?(?:tell me more|say more|explain(?: more"
    r"| that| it)?|elaborate|go on|continue|keep going)|more(?: (?:info|information|details"
    r"|please))?|why|how|how so|what else|anything else|and|and then|such as|like what|what do"
    r" you mean|really|what about it|what does that mean)(?: please)?",
}
_WHOLE = {talk: re.compile(rf"(?:{pattern})") for talk, pattern in _PATTERNS.items()}
_NOISE = re.compile(r"[^a-z ]+")


def small_talk(message: str) -> Talk | None:
    """The kind of conversation a whole message is, or None for a question."""
    text = " ".join(_NOISE.sub(" ", message.lower().replace("’", "").replace("'", "")).split())
    for talk, pattern in _WHOLE.items():
        if pattern.fullmatch(text):
            return talk
    return None
