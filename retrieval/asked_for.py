"""What kind of fact a question asks for (a price, a place, a number…), and whether a text
gives one: the expected answer type of question answering.

"How much does ketamine therapy cost?" asks for a price. The search finds the passage about
ketamine therapy, and every word of the question but "cost" is the article's, so neither the
meaning scores nor the words tell that the article never gives a price; the kind of answer
does. A question that asks for one of these kinds is answered only when the quotes give that
kind of fact: a number for "how many", a length of time for "how long", a price for "how much
does it cost". The patterns are about how people ask and how texts state such facts, nothing
of one article; the one thing a deployment adds is the clinic's name, so that "where is
Emerge Wellness" asks for a place as "where is the clinic" does.

A match can only refuse, so asking is matched narrowly, and only in the clauses of a message
that ask: in "I can't answer the phone anymore. Is that depression?" the phone is the story.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum

from retrieval.vocabulary import asking_clauses


class Asked(StrEnum):
    """A kind of fact a question may ask for."""

    PRICE = "price"
    PLACE = "place"
    HOURS = "hours"
    CONTACT = "contact"
    NUMBER = "number"
    DURATION = "duration"
    AGE = "age"


# What the visitor reads when the quotes give none: "The article does not {it}".
WHAT_IS_MISSING = {
    Asked.PRICE: "give prices",
    Asked.PLACE: "say where the clinic is",
    Asked.HOURS: "give opening hours",
    Asked.CONTACT: "give a phone number, email address or website",
    Asked.NUMBER: "give a number for that",
    Asked.DURATION: "give a length of time for that",
    Asked.AGE: "say anything about age",
}

_UNITS = "seconds|minutes|hours|days|weeks|months|years|decades"
_NUMBER_WORDS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty"
    "|fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|once|twice|percent|per cent"
    "|a third|a quarter|majority|minority"
)
_DAYS = "mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?"
_AGE_GROUPS = (
    r"\d{1,2}[- ]?(?:yr|year)s?[- ]?olds?|teen(?:ager)?s?|teenage\s+\w+|adolescents?|kids"
    r"|children|minors?|under[- ]?18s?|young people|elderly(?: people)?|seniors?"
    r"|older (?:people|adults|patients)"
)
# What a question counts that a list answers ("how many (brain) regions are involved"), not a
# number.
_LISTED = (
    "types|kinds|sorts|ways|forms|classes|categories|conditions|regions|parts|areas|options"
    "|things|factors|reasons|signs|symptoms|chemicals|neurotransmitters|steps|links"
    "|connections|causes|treatments|therapies|medications|medicines|drugs|antidepressants"
)
# "How is ketamine given and how long does it take?" asks two things; its quotes answer them
# between them, not the first alone.
_TWO_QUESTIONS = re.compile(
    r"\b(?:and|or|also|plus)\s+(?:how|what|whats|when|where|why|which|who|is|are|does|do|can"
    r"|will|would)\b",
    re.IGNORECASE,
)


# "The price you pay" and "the cost of untreated depression" are no price.
_NOT_MONEY = r"(?!\s+(?:you|we|i|they|people)\s+pay)"
_UNPRICED = r"(?:not|untreated|living|depression|pain|chronic|doing|waiting)\b"


# "How soon / how long until I feel better" asks when something starts: whichever quote says
# so answers it ("relief within hours or days" may come second, after "given by IV"). "How
# long does it last" keeps to the first quote, where "within hours or days" would mislead.
_ONSET = re.compile(
    r"\bhow\s+(?:soon|quickly|fast)\b|\bhow\s+long\s+(?:until|till|til|before)\b", re.IGNORECASE
)


def _pattern(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)


def _subject(names: Sequence[str], *, pronouns: str) -> str:
    """Ways to name the clinic: pronouns for it, "the clinic", and its own names."""
    own = "|".join(r"\s+".join(map(re.escape, name.lower().split())) for name in names)
    return (
        rf"(?:{pronouns}|(?:the|your|ur|this|their)\s+(?:clinic|office|practice|centre|center)"
        + (f"|{own}" if own else "")
        + ")"
    )


def _asks(names: Sequence[str]) -> dict[Asked, re.Pattern[str]]:
    """How a question asks for each kind, narrowly: "how much" with a word of paying or a
    treatment ("how much does sleep matter" asks for no price), "where" about the clinic ("where
    is the pain located" asks for no address), "open" as opening hours ("I'm open to trying
    it" is not), "how many" of what a number counts ("how many types…" a list answers)."""
    clinic = _subject(names, pronouns=r"you|u|y'all|you\s+guys")
    clinic_or_it = _subject(names, pronouns=r"you|u|y'all|you\s+guys|it|they")
    return {
        Asked.PRICE: _pattern(
            r"\bhow much\b[^.?!]{0,40}?\b(?:cost|costs|charge|charges|charged)\b",
            r"\bhow much\s+(?:would|will|do|does)\s+(?:i|it|that|this|they|infusions?|sessions?"
            r"|treatment|ketamine)\b[^.?!]{0,25}\b(?:be\s+looking\s+at|set\s+me\s+back|run)\b",
            r"\bhow much\s+(?:is|are|r|for|would|will)\s+(?:it|this|that|a|an|one|each|the"
            r"|ketamine|treatment|therapy|infusions?|sessions?|appointments?)\b"
            r"(?![^.?!]*\b(?:too|enough|linked|related|connected|involved|affect|affects"
            r"|effect|help|helps|better|worse|more|less|risk|chance)\b)",
            rf"\b(?:what|whats|what's|wat)\s+(?:is\s+|are\s+|r\s+)?(?:the\s+|your\s+|ur\s+)?"
            rf"(?:cost|costs|price|prices|pricing|fees?|rates?)\b{_NOT_MONEY}"
            rf"(?!\s+of\s+{_UNPRICED})",
            rf"\b(?:cost|costs|price|prices|fees?)\s+(?:of|for|per)\b(?!\s+{_UNPRICED})",
            r"\b(?:pric(?:ey|y)|costly|expensive|cheap|affordable|overpriced)\b",
            r"\b(?:set me back|out of pocket|payment plans?|instal+ments?|financing"
            r"|sliding scale)\b",
            r"\b(?:insurance|insurer|medicare|medicaid|hsa|fsa|health\s+plan)\b[^.?!]{0,30}"
            r"\bcover",
            r"\bcover(?:ed|s)?\b[^.?!]{0,30}\b(?:by|under|with|on)\s+(?:my\s+|the\s+|your\s+)?"
            r"(?:insurance|medicare|medicaid|health\s+plan|plan)\b",
            r"\b(?:take|accept|bill|work\s+with)\s+(?:my\s+|any\s+|most\s+)?(?:insurance"
            r"|medicare|medicaid)\b",
        ),
        Asked.PLACE: _pattern(
            # not the generic "you" of "where are you supposed to feel it"
            rf"\bwhere(?:'s|s|\s+is|\s+are|\s+r)\s+{clinic}\b(?!\s+(?:supposed|meant|likely|going"
            r"|gonna|able|allowed|usually|feel\w*|get\w*))",
            r"\b(?:what|which)\s+(?:city|town|neighbou?rhood)\b",
            rf"\b(?:{clinic}(?:'s)?|your|ur|their)\s+(?:address|location)\b",
            r"\b(?:address|location)\s+of\s+(?:the|your)\s+(?:clinic|office|practice)\b",
            r"^\s*(?:address|location)\s*\??\s*$",
            r"\b(?:near\s+me|nearest\s+(?:clinic|office|location))\b",
            r"\b(?:get|drive|directions)\s+to\s+(?:the|your)\s+(?:clinic|office|practice)\b",
            r"\bis\s+there\s+parking\b|\bdo\s+you\s+have\s+parking\b|\bwhere\s+(?:do|can)\s+i"
            r"\s+park\b|\bparking\s+(?:at|near|for)\s+(?:the|your)\b",
        ),
        Asked.HOURS: _pattern(
            r"\b(?:opening|office|business|clinic)\s+(?:hours|times)\b",
            r"\bwhat\s+are\s+(?:your|ur|their|the)\s+(?:clinic'?s?\s+)?hours\b",
            rf"\b(?:are|r|is)\s+{clinic_or_it}\s+open\b(?!\s+(?:to|up|about|with|for))",
            rf"\bwhen(?:'s|s|\s+is|\s+are|\s+r|\s+do|\s+does)?\s+{clinic_or_it}\b[^.?!]{{0,20}}?"
            r"\b(?:open|close)\b(?!\s+(?:to|up|about|with|for))",
            r"\bwhat\s+time\s+(?:do|does|are|is)\b[^.?!]{0,25}\b(?:open|close|shut)\b",
            rf"\bopen\s+(?:on\s+)?(?:weekends|{_DAYS}|today|tomorrow|tonight|late|evenings"
            r"|holidays)\b",
            rf"\b(?:weekend|evening|{_DAYS})\s+(?:appointments?|sessions?|hours|slots?)\b",
        ),
        Asked.CONTACT: _pattern(
            rf"\b(?:{clinic}(?:'s)?|your|ur|their)\s+(?:phone(?:\s+number)?|number"
            r"|email(?:\s+address)?|e-mail"
            r"|website|web\s+site|site|fax)\b",
            r"\b(?:phone\s+number|email\s+address|contact\s+(?:number|details|info))\b",
            # not "what's the number one thing", "the number of adults"
            r"\bwhat(?:'s|s|\s+is)\s+the\s+(?:phone|email|website|number(?=\s+(?:to|for)\b|\s*\?"
            r"|\s*$))\b",
            r"\bnumber\s+(?:to|i\s+can|can\s+i)\s+call\b",
        ),
        Asked.NUMBER: _pattern(
            rf"\bhow\s+many\b(?!\s+(?:of\s+(?:my|the|these|those|your|our|their)\s+)?(?:more\s+)?"
            rf"(?:\w+\s+)?(?:{_UNITS}|{_LISTED})\b)",
            r"\bwhat\s+(?:percentage|percent|proportion|fraction|share)\b",
        ),
        Asked.DURATION: _pattern(
            r"(?<!matter\s)\bhow\s+(?:long|soon|quickly|fast)\b",
            rf"\bhow\s+many\s+(?:more\s+)?(?:{_UNITS})\b",
        ),
        Asked.AGE: _pattern(
            r"\b(?:how\s+old|what\s+age|minimum\s+age|maximum\s+age|age\s+limit|age\s+range"
            r"|age\s+requirements?|age\s+restrictions?)\b",
            r"\btoo\s+(?:old|young)\s+(?:for|to\s+(?:get|have|start|try|receive|be))\b",
            r"\bat\s+(?:my|her|his|their|your)\s+age\b",
            rf"\b(?:can|could|do|does|are|is|will|would|should|treat|treats|treated|accept"
            rf"|accepts|see|sees|for)\s+(?:(?:my|a|an|the)\s+)?(?:{_AGE_GROUPS})\b",
        ),
    }


# How a text gives each kind. A number is digits or a number word ("two decades", "40%"),
# not "one", mostly a pronoun ("one of the most effective"); a length of time a unit in the
# plural or counted ("hours or days", "three months"), not "day-to-day" nor "temporary"; an
# age an age or an age group, not "adults" (all of them: "are older people more likely…").
_GIVES = {
    Asked.PRICE: _pattern(
        r"[$£€¥]\s?\d",
        r"\b\d+(?:\.\d+)?\s?(?:dollars|pounds|euros|usd|gbp|eur)\b",
        r"\b(?:costs?|prices?|priced|fees?|free\s+of\s+charge|insurance|payments?"
        r"|out-of-pocket)\b",
    ),
    # Not the verb "address" ("designed to address both"), nor "the road to recovery".
    Asked.PLACE: _pattern(
        r"\b(?:located\s+(?:at|in|on)|based\s+(?:at|in)|(?:our|the|its)\s+address|address:"
        r"|street|avenue|boulevard|suite\s+\d|directions\s+to|parking)\b",
        r"\b\d+\s+\w+\s+(?:rd|road|st|ave)\b",
    ),
    Asked.HOURS: _pattern(
        rf"\b(?:{_DAYS}|weekdays?|weekends?|opening\s+hours|open\s+from|noon|o'clock)\b",
        r"\b(?:mon|tue|tues|wed|thu|thurs|fri|sat|sun)\s?[-–]",
        r"\b\d{1,2}(?::\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.)",
    ),
    Asked.CONTACT: _pattern(
        r"\+?\d[\d ().-]{6,20}\d",
        r"\b[\w.+-]{1,64}@[\w-]{1,63}\.\w",
        r"\bwww\.|https?://",
        r"\b\w+\.(?:com|org|net|co\.uk|ca|au|health|clinic)\b",
    ),
    Asked.NUMBER: _pattern(r"\d", rf"\b(?:{_NUMBER_WORDS})\b"),
    Asked.DURATION: _pattern(
        rf"\b(?:{_UNITS})\b(?!-)",
        rf"\b(?:\d+|a|an|one|{_NUMBER_WORDS}|a\s+few|few|several)\s+(?:second|minute|hour|day"
        r"|week|month|year|decade)s?\b(?!-)",
        r"\b(?:overnight|lifelong|permanent(?:ly)?)\b",
    ),
    Asked.AGE: _pattern(
        r"\b(?:aged?\s+\d+|ages?\s+(?:of\s+)?\d+|age\s+(?:group|range|limit|of)|years?\s+of\s+age"
        r"|children|child|kids|adolescents?|teen(?:ager)?s?|elderly|seniors?|minors?"
        r"|young\s+people)\b",
        r"\b\d+\s*(?:years?\s+old|year-olds?|\+)",
    ),
}


def gives(text: str, kind: Asked) -> bool:
    """Whether the text gives a fact of that kind (it may still be about something else)."""
    return _GIVES[kind].search(text) is not None


class AskedFor:
    """The kinds of fact questions ask for, knowing the clinic's own names."""

    def __init__(self, clinic_names: Sequence[str] = ()) -> None:
        self._asks = _asks([name for name in clinic_names if name.strip()])

    def kinds(self, question: str) -> list[Asked]:
        """The kinds of fact the clauses of the question that ask (``asking_clauses``) ask for,
        in ``Asked``'s order."""
        asking = asking_clauses(question.replace("’", "'"))
        return [
            kind
            for kind, pattern in self._asks.items()
            if any(pattern.search(clause) for clause in asking)
        ]

    def not_given(self, question: str, quotes: Sequence[str]) -> list[Asked]:
        """The kinds the question asks for that the quotes do not give: the first quote must
        give them ("how many sessions" is not answered by the third quote's "two decades"),
        unless the question asks two things, which its quotes answer between them. With no
        quote, every kind asked: "what are your opening hours" is told that the article gives
        none, not only that it does not cover the question."""
        kinds = self.kinds(question)
        if not kinds:
            return []
        first = quotes if _TWO_QUESTIONS.search(question) else quotes[:1]
        return [
            kind
            for kind in kinds
            if not any(
                gives(text, kind)
                for text in (
                    quotes if kind is Asked.DURATION and _ONSET.search(question) else first
                )
            )
        ]


def join_or(items: Sequence[str]) -> str:
    """ "a", "a or b", "a, b or c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" or {items[-1]}"
