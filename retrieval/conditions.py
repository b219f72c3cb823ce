"""The circumstance under which a question asks whether a treatment is safe or possible.

"im pregnant, can i still have ketamine" asks about ketamine *in pregnancy*. The article says
ketamine's side effects are mild and that it is given under supervision, but nothing of
pregnancy; yet removing "pregnant" moves the question little, since "can I have ketamine"
carries its embedding, so the rule that names missing words (``Answerer.missing_words``) lets
it through. In a question of fitness ("can I still have…", "is it safe…", "ok for…"), the
circumstance it names ("if I had covid", "while breastfeeding", "safe with high blood
pressure", "pregnant women", "people with kidney disease") is what it turns on: its head word,
when the article never uses it and it is no synonym of one of its words, is what the article
does not cover.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.vocabulary import asking_clauses

_WORD = re.compile(r"[a-z][a-z']*[a-z]|[a-z]")
_POSSESSIVE = re.compile(r"'s$")  # "parkinson's" is the candidate "parkinson"

# Whether a treatment is fit for someone: "can I (still) have", "is it safe", "ok for".
_FITNESS = re.compile(
    r"\b(?:can|could|may|should)\s+(?:i|you|someone|people|patients|anyone|he|she|they"
    r"|\w+\s+(?:women|people|patients|men|mums|moms|mothers))\s+(?:still\s+|safely\s+|also\s+)?"
    r"(?:have|get|take|use|do|start|receive|try|be\s+(?:given|treated))\b"
    r"|\b(?:is|are|would|will)\s+(?:it|ketamine|this|that|the\s+(?:treatment|therapy|infusions?)"
    r"|infusions?|treatment|therapy)\s+(?:still\s+)?(?:ok|okay|safe|fine|allowed|possible"
    r"|suitable|dangerous|risky|an\s+option)\b"
    r"|\b(?:safe|ok|okay|fine)\s+(?:for|during|while|with|if|when)\b"
    r"|\b(?:am|are|is)\s+(?:i|you|he|she|they)\s+(?:still\s+)?(?:allowed|able|eligible)\b"
    # "can people with kidney disease have ketamine"
    r"|\b(?:can|could|may|should)\s+(?:people|someone|anyone|patients|those|a\s+person)\s+with"
    r"\s+(?:[\w']+\s+){1,3}(?:still\s+)?(?:have|get|take|use|do|start|receive|try|be)\b"
)

# The phrases naming a circumstance the asker *has*; group 1 holds its words, the last of
# which is its head ("high blood pressure"). Being ("I'm a nurse", "I'm curious", "if I'm honest",
# "if im really low") names who asks or how they feel far more often than a condition, and
# "when" a moment ("when my pain flares up"): neither counts. A fresh review of the first
# version found 28 answerable questions refused for such words ("nurse", "bit", "lol").
_HAS = (
    r"(?:have|had|'ve\s+got|ve\s+got|got|'ve\s+had|ve\s+had|suffer\s+from|am\s+on|'m\s+on|m\s+on)"
)
_CONDITION = re.compile(
    # "if I had covid", "if you have high blood pressure", "if i suffer from epilepsy"
    rf"\bif\s+(?:i|you|someone|they|he|she)\s*{_HAS}\s+(?:a\s+|an\s+)?((?:[\w']+\s+){{0,2}}[\w']+)"
    # "people with kidney disease", "someone with epilepsy"
    r"|\b(?:people|someone|anyone|patients|those|a\s+person)\s+with\s+(?:a\s+|an\s+)?"
    r"((?:[\w']+\s+){0,2}[\w']+)"
    # "safe with high blood pressure"
    r"|\b(?:safe|ok|okay|fine)\s+with\s+(?:a\s+|an\s+|my\s+)?((?:[\w']+\s+){0,2}[\w']+)"
    # "while breastfeeding", "during pregnancy", "while pregnant": one word, no "while my kids…"
    r"|\b(?:while|during)\s+(?:i'm\s+|im\s+|i\s+am\s+)?([\w']+)"
    # "pregnant women", "diabetic patients"
    r"|\b([\w']+)(?=\s+(?:women|people|patients|men|mums|moms|mothers)\b)"
)


def condition_words(question: str, candidates: Sequence[str]) -> list[str]:
    """The ``candidates`` (words the article never uses, no synonym of its words) that head a
    circumstance of a question of fitness: of each phrase, its last candidate ("pressure" in
    "safe with high blood pressure"); none when the question asks no such thing."""
    # Only the clauses that ask: "during covid i lost my job, could i try ketamine" is a story.
    text = " . ".join(asking_clauses(question.lower().replace("’", "'")))
    if not _FITNESS.search(text):
        return []
    wanted = set(candidates)
    named: list[str] = []
    for match in _CONDITION.finditer(text):
        for group in filter(None, match.groups()):
            words = [_POSSESSIVE.sub("", w) for w in _WORD.findall(group)]
            heads = [w for w in words if w in wanted]
            if heads and heads[-1] not in named:
                named.append(heads[-1])
    return named
