"""Recognising a message that signals thoughts of suicide or self-harm, however indirectly.

Rules, not a model: every pattern can be read, tested and argued about, and a miss is a bug
with a test. Idioms ("this pain is killing me") are deliberately not matched.
"""

from __future__ import annotations

import re

_SELF = r"(?:my\s*self|myself|himself|herself|themselves|themself|yourself|ourselves)"
_PATTERNS = [
    # naming it
    r"\bsuicid\w*",
    r"\bself[\s-]*harm\w*",
    r"\bkill(?:ing|ed|s)?\s+" + _SELF,
    r"\b(?:hurt|harm|cut|burn|injure|starve|hang|shoot|poison|drown)(?:ing|s)?\s+" + _SELF,
    r"\bend(?:ing|ed|s)?\s+(?:it\s+all|my\s+(?:own\s+)?life|(?:his|her|their)\s+(?:own\s+)?life"
    r"|everything|things\s+for\s+good|it\s+(?:now|tonight|today|soon|for\s+good))",
    r"\btak(?:e|ing)\s+(?:my|his|her|their)\s+own\s+life",
    r"\boverdos\w*",
    r"\b(?:jump|jumping)\s+(?:off|from|in\s+front)",
    r"\b(?:unalive|kms)\b",
    # wishing not to be alive
    r"\b(?:want(?:s|ed)?|wish(?:es)?|going|plan(?:ning)?|ready)\s+to\s+die\b",
    r"\bwish(?:ed)?\s+(?:i|he|she|they)\s*(?:was|were|'?d|had)\s+(?:dead|never\s+been\s+born)",
    r"\b(?:better|easier)\s+off\s+(?:dead|without\s+(?:me|him|her|them))",
    r"\b(?:don'?t|do\s+not|doesn'?t|does\s+not|no\s+longer|never)\s+(?:really\s+)?"
    r"(?:want|wish|care)s?\s+to\s+(?:live|be\s+alive|be\s+here|exist|wake\s+up|go\s+on|keep\s+going)",
    r"\b(?:not|never|don'?t|won'?t)\s+(?:to\s+)?wake\s+up",
    r"\b(?:no|any)\s+(?:reason|point)\s+(?:to|in|for)\s+(?:live|living|go(?:ing)?\s+on|be(?:ing)?\s+alive)",
    r"\bwhat'?s\s+the\s+point\s+(?:of|in)\s+(?:living|life|going\s+on)",
    r"\bcan'?t\s+(?:go\s+on|keep\s+going|do\s+this\s+anymore|take\s+(?:it|this)\s+anymore)",
    r"\b(?:disappear|be\s+gone)\s+(?:forever|for\s+good)",
    r"\b(?:not|won'?t)\s+(?:be\s+)?(?:around|here)\s+(?:much\s+longer|anymore|for\s+long)",
    r"\blife\s+(?:is\s+)?(?:not|isn'?t)\s+worth\s+living",
    r"\btired\s+of\s+(?:living|being\s+alive|life)\b",
    # preparing
    r"\b(?:sav|stockpil|hoard|collect|stash)\w*\s+(?:up\s+)?(?:my|his|her|their|all\s+(?:my|the)|the|some)?\s*"
    r"(?:pills|tablets|meds|medication|medicine|ketamine)",
    r"\b(?:goodbye|suicide)\s+(?:note|letter)s?",
    r"\bwrit(?:e|ing|ten)\s+(?:a\s+|my\s+)?(?:goodbye|farewell)",
    r"\bgiv(?:e|ing)\s+away\s+(?:all\s+)?(?:my|his|her|their)\s+(?:stuff|things|belongings)",
    r"\b(?:a\s+)?(?:rope|noose|gun)\s+(?:ready|in\s+my)",
    # cutting without a body part being operated on
    r"\b(?:started|start|been|keep|kept|stop)\s+cutting\b(?!\s+(?:back|down|out))",
    r"\bcutting\s+(?:again|my\s+(?:arms?|wrists?|legs?|thighs?|skin))",
    r"\bcut\s+my\s+(?:arms?|wrists?|legs?|thighs?|skin)",
]
_CRISIS = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)


def signals_crisis(message: str) -> bool:
    """True when the message signals thoughts of suicide or self-harm."""
    normalised = message.replace("’", "'").replace("‘", "'")
    return _CRISIS.search(normalised) is not None
