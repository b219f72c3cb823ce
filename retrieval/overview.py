"""Recognising a question about the article as a whole: "what is this article about?",
"summarize it", "main points?".

Such a question names no subject to search for, so it scores low against every passage and
would be refused, a dead end for a visitor who starts by asking what the page covers. The
answer is the article's own summary (the catalog's ``summary_section``), quoted from its start.
Only a whole message counts: "what does the article say about sleep?" is a question about sleep.
"""

from __future__ import annotations

import re

_ARTICLE = r"(?:this|the) (?:article|page|text|piece|post|blog|blog post|document)"
_WHOLE_ARTICLE = r"(?:(?:this|the) )?(?:article|page|text|document)"
_PATTERNS = [
    # "what is this article about", "whats it about", "what does the article talk about"
    rf"(?:what is|whats|what s) (?:{_ARTICLE}|this|it) (?:all )?about",
    rf"what does {_ARTICLE} (?:say|cover|talk about|discuss|explain)",
    rf"what (?:is|are) (?:covered|discussed) in {_ARTICLE}",
    # "summary", "give me a summary of the article", "tl;dr", "the gist"
    rf"(?:(?:can|could) you )?(?:please )?(?:give me |i want |i d like )?(?:a |an |the )?"
    rf"(?:quick |short |brief )?(?:summary|overview|gist|recap|tldr|tl dr)"
    rf"(?: (?:of|for) (?:{_ARTICLE}|it))?",
    rf"(?:(?:can|could) you )?(?:please )?(?:summari[sz]e|sum up)(?: (?:{_ARTICLE}|it))?",
    rf"(?:(?:can|could) you )?(?:please )?sum (?:{_ARTICLE}|it) up",
    # "main points", "what are the key points of the article", "list the main ideas"
    rf"(?:(?:what are|whats|list|show me|tell me|give me) )?(?:the )?(?:main|key|important)"
    rf" (?:points|ideas|messages|facts|things|takeaways|lessons)"
    rf"(?: (?:of|in|from) {_WHOLE_ARTICLE})?",
]
_WHOLE = re.compile(rf"(?:{'|'.join(_PATTERNS)})(?: please)?")
_NOISE = re.compile(r"[^a-z ]+")


def asks_overview(message: str) -> bool:
    """True when the whole message asks what the article is about or for its summary."""
    text = message.lower().replace("’", "").replace("'", "")
    return _WHOLE.fullmatch(" ".join(_NOISE.sub(" ", text).split())) is not None
