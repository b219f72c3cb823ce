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
_IT = rf"(?:{_ARTICLE}|this|it)"
_PATTERNS = [
    # "what is this article about", "whats it about", "what does it cover", "whats covered"
    rf"(?:what is|whats|what s) {_IT} (?:all )?about",
    rf"what does {_IT} (?:say|cover|talk about|discuss|explain)",
    rf"(?:what is|whats|what s|what are) (?:covered|discussed)(?: in {_IT})?",
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
_WHOLE = re.compile(rf"(?:{'|'.join(_PATTERNS)})(?: for me)?(?: please)?")
_NOISE = re.compile(r"[^a-z ]+")


def asks_overview(message: str) -> bool:
    """True when the whole message asks what the article is about or for its summary."""
    text = message.lower().replace("’", "").replace("'", "")
    return _WHOLE.fullmatch(" ".join(_NOISE.sub(" ", text).split())) is not None
