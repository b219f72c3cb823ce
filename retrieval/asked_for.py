"""What kind of fact a question asks for (a price, a place, a number…), and whether a text
gives one: the expected answer type of question answering.

"How much does ketamine therapy cost?" asks for a price. The search finds the passage about
ketamine therapy, and every word of the question but "cost" is the article's, so neither the
meaning scores nor the words tell that the article never gives a price; the kind of answer
does. A question that asks for one of these kinds is answered only when the passage the
search chose first gives that kind of fact: a number for "how many", a length of time for
"how long", a price for "how much does it cost". The kinds and their patterns are about how
people ask and how texts give such facts, nothing of one article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum


class Asked(StrEnum):
    """A kind of fact a question may ask for."""

    PRICE = "price"
    PLACE = "place"
    HOURS = "hours"
    CONTACT = "contact"
    NUMBER = "number"
    DURATION = "duration"
    AGE = "age"


# What the visitor reads when the article gives none: "The article does not {it}".
WHAT_IS_MISSING = {
    Asked.PRICE: "give prices",
    Asked.PLACE: "give an address",
    Asked.HOURS: "give opening hours",
    Asked.CONTACT: "give a phone number, email address or website",
    Asked.NUMBER: "give a number for that",
    Asked.DURATION: "give a length of time for that",
    Asked.AGE: "say anything about age",
}

_NUMBER_WORDS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty"
    "|fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|once|twice|percent|per cent"
)
_AGE_GROUPS = (
    "teen(ager)?s?|adolescents?|kids|children|minors?|young people|elderly( people)?|seniors?"
    "|older (people|adults|patients)"
)
_DAYS = "mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?"


def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text, re.IGNORECASE)


# How a question asks for each kind: narrowly, since a question that matches is refused when
# the answer lacks the kind. "How much" asks for a price only with a word of paying ("how much
# does sleep matter" does not), "where" for a place only with a word of being somewhere
# ("where does the 40% come from" does not), and a day or "location" only about the clinic
# ("is my pain worse in the evenings", "the location of my pain" ask for neither), nor does
# the verb "address" ("should treatment address both conditions"); "pay for"
# and "afford" are no price in "if I pay for counselling, which kind works best" or "I can't
# afford to lose my job".
_ASKS = {
    Asked.PRICE: _pattern(
        r"\bhow much\b.*\b(cost|charge|pay|spend)|\b(costs?|price[sd]?|pricing|fees?"
        r"|expensive|cheap|affordable|payment plans?|refunds?|insurance)\b"
    ),
    Asked.PLACE: _pattern(
        r"\bwhere\b.*\b(located|based|situated)\b|\b(postcode|zip code|parking)\b"
        r"|\b(your|the|their|its|clinic['’]?s|what['’]?s|whats) address\b|\baddress of\b"
        r"|\bdirections to\b|\bwhere (is|are) (the |your )?(clinic|office|practice)\b"
        r"|\b(clinic|office|practice)(['’]s)? location\b"
    ),
    Asked.HOURS: _pattern(
        r"\b(opening hours|open hours|hours of operation|opening times|business hours)\b"
        r"|\bwhen (are|is)\b.*\bopen\b|\bwhat time do (you|they) (open|close)\b"
        rf"|\bopen (on |at |in the )?(weekends?|evenings?|{_DAYS})\b"
        rf"|\b(weekend|evening|{_DAYS}) (appointments?|sessions?|hours)\b"
        r"|\bwhat are (their|your|the) hours\b"
    ),
    Asked.CONTACT: _pattern(
        r"\b(phone|telephone|email|e-mail|website|web site|whatsapp)\b|\bnumber (to|i can) call\b"
    ),
    Asked.NUMBER: _pattern(r"\bhow many\b|\bwhat (percentage|proportion|fraction|share)\b"),
    Asked.DURATION: _pattern(r"\bhow long\b"),
    # An age, or whether an age group may have or get something ("can teens be treated",
    # "are older people more likely"); not an age group in a story ("playing with my kids").
    Asked.AGE: _pattern(
        r"\b(how old|what age|minimum age|age limit|age range|too old|too young)\b"
        r"|\b(can|do|does|are|is|will|would|should|treats?|treated|for|accepts?|sees?)"
        rf"\s+({_AGE_GROUPS})\b"
    ),
}

# How a text gives each kind. A number is digits or a number word ("three months", "two
# decades", "40%"), not "one", which is mostly a pronoun ("one of the most effective").
_GIVES = {
    Asked.PRICE: _pattern(
        r"[$£€¥]\s?\d|\b\d+(\.\d+)?\s?(dollars|pounds|euros)\b|\b(costs?|prices?|priced|fees?"
        r"|free of charge|insurance|payments?|out-of-pocket)\b"
    ),
    # Not the verb "address" ("designed to address both"), nor "the road to recovery".
    Asked.PLACE: _pattern(
        r"\b(located (at|in|on)|based (at|in)|(our|the|its) address|address:|street|avenue"
        r"|boulevard|suite \d|directions to|parking)\b|\b\d+\s+\w+\s+(rd|road|st|ave)\b"
    ),
    Asked.HOURS: _pattern(
        rf"\b({_DAYS}|weekdays?|weekends?|opening hours|open from)\b"
        r"|\b\d{1,2}(:\d\d)?\s?(am|pm|a\.m\.|p\.m\.)"
    ),
    Asked.CONTACT: _pattern(
        r"\+?\d[\d ().-]{6,}\d|[\w.+-]+@[\w-]+\.[\w.]+|\bwww\.|https?://|\b\w+\.(com|org|net)\b"
    ),
    Asked.NUMBER: _pattern(rf"\d|\b({_NUMBER_WORDS})\b"),
    Asked.DURATION: _pattern(
        r"\b(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|overnight"
        r"|lifelong|permanent(ly)?)\b"
    ),
    Asked.AGE: _pattern(
        r"\b(ages?|aged|years? old|year-old|children|child|kids|adolescents?|teen(ager)?s?"
        r"|elderly|seniors?|older adults|young people)\b"
    ),
}


def asked_for(question: str) -> list[Asked]:
    """The kinds of fact the question asks for, in ``Asked``'s order; none for most."""
    return [kind for kind, pattern in _ASKS.items() if pattern.search(question)]


def gives(text: str, kind: Asked) -> bool:
    """Whether the text gives a fact of that kind (it may still be about something else)."""
    return _GIVES[kind].search(text) is not None


def not_given(question: str, answer: str) -> list[str]:
    """What the question asks for that the text chosen to answer it does not give, as the
    visitor reads it ("prices", "a number for that"); empty when it gives all it asks."""
    return [WHAT_IS_MISSING[kind] for kind in asked_for(question) if not gives(answer, kind)]


def join_or(items: Sequence[str]) -> str:
    """ "a", "a or b", "a, b or c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" or {items[-1]}"
