"""Recognising a request for personal medical advice, which only a clinician can give."""

from __future__ import annotations

import re

_ACTIONS = (
    r"(?:take|stop|start|quit|switch|change|mix|combine|increase|decrease|lower|raise|skip"
    r"|come\s+off|get\s+off|go\s+off|try|use|drink|drive|double|cut\s+(?:back|down)|ditch"
    r"|pause|give\s+up|taper|wean|restart|resume|drop(?!\s+(?:\w+\s+)?off\b)|swap|halve"
    r"|halving|go\s+(?:higher|lower|up|down)(?=\s*(?:$|[.,;:!?]|or\b|on\b|in\b|with\b|to\b)))"
)
# The actions that change a treatment one already has (not "drive", "try" or "use").
_CHANGES = (
    r"(?:(?:stop|start|quit|switch|change|increase|decrease|lower|raise|skip|double|ditch|pause"
    r"|taper|wean|restart|resume|drop|swap|halv)\w*|(?:com|get|go|giv)\w*\s+(?:off|up)"
    r"|cut\w*\s+(?:back|down))"
)
_PATTERNS = [
    r"\b(?:should|shall|can|could|may|must|do)\s+i\s+(?:\w+\s+){0,2}?" + _ACTIONS + r"\b",
    r"\bhow\s+(?:much|many|often|long)\b.{0,40}\b(?:should|do|must|can)\s+i\b",
    r"\b(?:what|which|right)\s+(?:dose|dosage|amount)\b",
    r"\b(?:my|the\s+right)\s+(?:dose|dosage)\b",
    r"\bis\s+(?:it|ketamine|this|that)\s+(?:safe|ok|okay|right|good)\s+for\s+me\b",
    # "safe for me", "a safe bet for me", "the right choice for someone like me".
    r"\b(?:right|safe|good|risky|dangerous|unsafe|suitable|too\s+much|too\s+many)"
    r"(?:\s+(?:bet|option|choice|idea|fit|call|move))?\s+for\s+(?:me"
    r"|someone\s+like\s+me|people\s+like\s+me|a\s+person\s+like\s+me)\b",
    r"\bwhat\s+should\s+i\s+do\b",
    # "would it be ok for me to take half", "which would be better for me to start with".
    # Not what someone "said" is fine, nor the clinic's logistics or this website.
    r"(?<!was\s)(?<!been\s)(?<!said\sit's\s)(?<!said\sits\s)(?<!said\sit\sis\s)"
    r"(?<!says\sit's\s)(?<!says\sit\sis\s)"
    r"\b(?:better|best|safer|wiser|ok|okay|alright|fine|good|wise|safe)"
    r"\s+for\s+me\s+to\s+(?:just\s+|still\s+|also\s+)?" + _ACTIONS + r"\b"
    r"(?!\s+(?:(?:to|the|this|my|a|an|your|clinic's|clinics)\s+){0,2}(?:bus|train|taxi|uber"
    r"|lift|ride|intake|forms?|contact|chat|chatbot|bot|site|website|page|app|article|reading"
    r"|wi-?fi|hsa|card|appointment|booking|spanish|english|version|phone|essay|kids)\b)",
    # "should I do ketamine or keep going with physio": "should I" opening a clause, then a
    # choice of care (not "what should I ask my doctor", "should I do anything to prepare").
    r"(?:^|[.,;:!?()\-–—]\s*|\b(?:or|so|and|then|now|but)\s+)(?:should|shall)\s+i\s+"
    r"(?:just\s+|still\s+|rather\s+)?(?:do\s+(?!anything|something|nothing)|have\s+(?!a\s)"
    r"|keep\s+(?:on|with|(?!reading|asking|looking)\w+ing)|continue|stick\s+(?:with|to)"
    r"|ask\s+(?:my|the|for|about|them|him|her)\b|push\s+for)",
    # "thinking of halving my venlafaxine myself, is that a good idea": a change to one's own
    # treatment planned, then a question whether it is wise.
    r"\b(?:thinking\s+(?:of|about)|planning\s+(?:to|on)|going\s+to|want\s+to|about\s+to)\s+"
    + _CHANGES
    + r"\s+(?:on\s+)?my\b.{0,80}\b(?:is\s+(?:that|it|this)|would\s+(?:that|it)\s+be)\s+"
    r"(?:a\s+)?(?:good\s+idea|bad\s+idea|ok|okay|alright|safe|wise|sensible)\b",
    # "which one should I do first", "which one should i go with": a choice between treatments.
    r"\bwhich\s+(?:\w+\s+)?should\s+i\s+(?:do|have|try|choose|pick|start|take|go\s+(?:for|with))\b",
    # "I'm on sertraline, can I have ketamine?": the person's own medicine, then a question.
    r"\bi(?:\s+am|'m|m|\s+have\s+been|'ve\s+been|ve\s+been)?\s+(?:currently\s+|already\s+"
    r"|still\s+|now\s+)?(?:taking|take|on)\s+(?!(?:the|a|an|holiday|vacation|leave)\b)\w+"
    r".{0,40}\b(?:can|should|could|may|do)\s+i\b",
]
_ADVICE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)


def asks_personal_advice(question: str) -> bool:
    """True when the question asks what this person should do about their own treatment."""
    return _ADVICE.search(question.replace("’", "'").replace("‘", "'")) is not None
