"""Recognising a question about the article as a whole: "what is this article about?",
"summarize it", "main points?".

Such a question names no subject to search for, so it scores low against every passage and
would be refused, a dead end for a visitor who starts by asking what the page covers. The
answer is the article's own words about itself: what it is about is said by its opening
passage ("This article explores how pain and depression are connected..."), then its summary
(the catalog's ``summary_section``); a summary or its main points are that summary, quoted
from its start. Only a whole message counts: "what does the article say about sleep?" is a
question about sleep.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Overview(StrEnum):
    """What a question about the whole article asks for."""

    SUBJECT = "subject"  # "what is this article about?": its opening, then its summary
    SUMMARY = "summary"  # "summarize it", "main points?": its summary


_ARTICLE = r"(?:this|the) (?:article|page|text|piece|post|blog|blog post|document)"
_WHOLE_ARTICLE = r"(?:(?:this|the) )?(?:article|page|text|document)"
_IT = rf"(?:{_ARTICLE}|this|it)"
_SUBJECT_PATTERNS = [
    # "what is this article about", "whats it about", "what does it cover", "whats covered"
    rf"(?:what is|whats|what s) {_IT} (?:all )?about",
    rf"what does {_IT} (?:say|cover|talk about|discuss|explain)",
    rf"(?:what is|whats|what s|what are) (?:covered|discussed)(?: in {_IT})?",
]
_SUMMARY_PATTERNS = [
    # "summary", "give me a summary of the article", "what is the gist", "tl;dr"
    rf"(?:(?:can|could) you )?(?:please )?(?:give me |i want |i d like |what is |whats )?"
    rf"(?:a |an |the )?(?:quick |short |brief )?(?:summary|overview|gist|recap|tldr|tl dr)"
    rf"(?: (?:of|for) {_IT})?",
    rf"(?:(?:can|could) you )?(?:please )?(?:summari[sz]e|sum up)(?: {_IT})?",
    rf"(?:(?:can|could) you )?(?:please )?sum {_IT} up",
    # "main points", "what is the main point of the article", "list the key ideas". Not
    # "key takeaways": that names a section, which the section rule quotes.
    rf"(?:(?:what is|whats|what are|list|show me|tell me|give me) )?(?:the )?(?:main|key|important)"
    rf" (?:points?|ideas?|messages?|facts|things|lessons)(?: (?:of|in|from) {_WHOLE_ARTICLE})?",
]
_ENDING = r"(?: for me)?(?: please)?"
_WHOLE = {
    Overview.SUBJECT: re.compile(rf"(?:{'|'.join(_SUBJECT_PATTERNS)}){_ENDING}"),
    Overview.SUMMARY: re.compile(rf"(?:{'|'.join(_SUMMARY_PATTERNS)}){_ENDING}"),
}
_NOISE = re.compile(r"[^a-z ]+")


def asks_overview(message: str) -> Overview | None:
    """What the whole message asks about the article as a whole, or None when it asks
    something else."""
    text = message.lower().replace("’", "").replace("'", "")
    words = " ".join(_NOISE.sub(" ", text).split())
    return next((kind for kind, pattern in _WHOLE.items() if pattern.fullmatch(words)), None)
