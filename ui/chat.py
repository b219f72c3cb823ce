"""The Gradio chat at ``/``: a visitor's question in, the article's own words out."""

from __future__ import annotations

import html
import logging
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import gradio as gr

from retrieval.answer import Answer, Kind
from retrieval.answerer import Answerer
from ui.errors import LogbookError
from ui.logbook import Entry, Logbook, Rating, new_conversation_id, new_entry
from ui.schemas import MAX_COMMENT_CHARS, MAX_QUESTION_CHARS

log = logging.getLogger("verbatim")

EMPTY_QUESTION = "Please type a question about the article, for example “What is CBT?”."
TOO_LONG = f"That question is too long: please keep it under {MAX_QUESTION_CHARS} characters."
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def escape_markdown(text: str) -> str:
    """Text shown literally in Markdown: a quote must look exactly as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def render_answer(answer: Answer) -> str:
    """The Markdown a visitor sees: lead line, quotes with their section, then the disclaimer."""
    parts = [f"**{escape_markdown(answer.message)}**"]
    if answer.kind is Kind.CRISIS:
        parts += [
            f"- **{escape_markdown(r.name)}**: {escape_markdown(r.contact)}"
            + (f" ({html.escape(r.url)})" if r.url.startswith("http") else "")
            for r in answer.resources
        ]
    for passage in answer.passages:
        quote = passage.text
        start, end = passage.highlight or (passage.start, passage.start)
        before, marked, after = (
            quote[: start - passage.start],
            quote[start - passage.start : end - passage.start],
            quote[end - passage.start :],
        )
        body = (
            escape_markdown(before) + f"<mark>{html.escape(marked)}</mark>" + escape_markdown(after)
        )
        quoted = "\n".join(f"> {line}" if line.strip() else ">" for line in body.split("\n"))
        parts.append(
            f"{quoted}\n\n— *{escape_markdown(passage.section)}*, {escape_markdown(passage.source)}"
        )
    if answer.suggestions:
        parts.append(
            "You could ask:\n" + "\n".join(f"- {escape_markdown(s)}" for s in answer.suggestions)
        )
    parts.append(f"<small>{html.escape(answer.disclaimer)}</small>")
    return "\n\n".join(parts)


def reply(answerer: Answerer, question: str) -> str:
    """The chat's reply to one message, friendly for input the API would reject."""
    if not question or not question.strip():
        return EMPTY_QUESTION
    if len(question) > MAX_QUESTION_CHARS:
        return TOO_LONG
    return render_answer(answerer.ask(question.strip()))


def build_chat(
    answerer: Callable[[], Answerer],
    *,
    title: str,
    examples: list[str],
    logbook: Callable[[], Logbook] | None = None,
) -> gr.Blocks:
    """The chat page; ``answerer`` (and ``logbook``) are looked up per message, once the app
    has loaded them. Each chat session gets a random conversation id and 👍/👎 buttons."""
    sessions = ChatSessions()

    def current_logbook() -> Logbook | None:
        return logbook() if logbook else None

    def respond(message: str, history: list[dict[str, str]], request: gr.Request) -> str:
        return answer_and_log(
            answerer(),
            current_logbook(),
            sessions,
            request.session_hash,
            message,
            len(history),
        )

    def like(data: gr.LikeData, request: gr.Request) -> Any:
        down = rate_message(
            current_logbook(), sessions, request.session_hash, data.index, data.liked
        )
        return gr.update(visible=down)

    def comment(text: str, request: gr.Request) -> tuple[Any, Any]:
        add_comment(current_logbook(), sessions, request.session_hash, text)
        return gr.update(visible=False), ""

    with gr.Blocks(title=title, analytics_enabled=False) as page:
        gr.Markdown(
            f"## {html.escape(title)}\nAnswers are quoted word for word from the clinic's article."
        )
        chatbot = gr.Chatbot(feedback_options=("Like", "Dislike"), scale=1)
        with gr.Row(visible=False) as comment_row:
            text = gr.Textbox(
                label="What was wrong? (optional; please leave out personal details)",
                max_length=MAX_COMMENT_CHARS,
                scale=4,
            )
            send = gr.Button("Send comment", scale=1)
        chatbot.like(like, None, [comment_row], api_visibility="private")
        send.click(comment, [text], [comment_row, text], api_visibility="private")
        gr.ChatInterface(
            respond,
            chatbot=chatbot,
            examples=examples or None,
            cache_examples=False,
            autofocus=True,
            api_visibility="private",
        )
    return page  # type: ignore[no-any-return]


@dataclass
class _Session:
    conversation: str = field(default_factory=new_conversation_id)
    answers: dict[int, str] = field(default_factory=dict)  # message index -> answer id
    pending: str | None = None  # the answer that just got 👎, awaiting a comment


class ChatSessions:
    """What the chat remembers per browser session, in memory only and for the newest
    ``limit`` sessions: a random conversation id (unrelated to Gradio's session hash, which
    is never stored) and which message shows which logged answer."""

    def __init__(self, limit: int = 10_000) -> None:
        self._sessions: OrderedDict[str, _Session] = OrderedDict()
        self._lock = threading.Lock()
        self.limit = limit

    def get(self, session_hash: str | None) -> _Session:
        """The session's memory, made on first use."""
        with self._lock:
            key = session_hash or ""
            session = self._sessions.pop(key, None) or _Session()
            self._sessions[key] = session
            while len(self._sessions) > self.limit:
                self._sessions.popitem(last=False)
            return session


def answer_and_log(
    answerer: Answerer,
    logbook: Logbook | None,
    sessions: ChatSessions,
    session_hash: str | None,
    message: str,
    position: int,
    *,
    write: Callable[[Logbook, Entry], object] = Logbook.record_later,
) -> str:
    """Reply to a message and log the answer; ``position`` is the user message's index.

    ``write`` stores the entry: by default on the log's writer thread, after the reply is
    shown, so a slow or locked database holds up no visitor (Gradio runs one event at a time).
    """
    if not message or not message.strip() or len(message) > MAX_QUESTION_CHARS:
        return reply(answerer, message)
    question = message.strip()
    started = time.perf_counter()
    answer = answerer.ask(question)
    latency_ms = (time.perf_counter() - started) * 1000
    if logbook is not None:
        session = sessions.get(session_hash)
        manifest = answerer.index.manifest
        entry = new_entry(
            answer,
            question=question,
            conversation_id=session.conversation,
            latency_ms=latency_ms,
            model=manifest.model,
            index_hash=manifest.index_hash,
        )
        write(logbook, entry)
        session.answers[position + 1] = answer.id  # the reply follows the question
    return render_answer(answer)


def rate_message(
    logbook: Logbook | None,
    sessions: ChatSessions,
    session_hash: str | None,
    index: int | tuple[int, int],
    liked: bool | str,
) -> bool:
    """Store 👍/👎 for the answer shown at ``index``; True when a comment should be offered.

    Gradio sends ``liked`` True for 👍, False for 👎 and an empty string when the visitor
    clicks their choice again to take it back: then the feedback is forgotten."""
    session = sessions.get(session_hash)
    answer_id = session.answers.get(index[0] if isinstance(index, tuple) else index)
    if logbook is None or answer_id is None:
        return False
    rating = Rating.UP if liked is True else Rating.DOWN if liked is False else None
    try:
        if rating is None:
            logbook.unrate(answer_id)
        else:
            logbook.rate(answer_id, rating)
    except LogbookError as exc:
        log.error("could not store chat feedback: %s", exc)
        return False
    session.pending = answer_id if rating is Rating.DOWN else None
    return rating is Rating.DOWN


def add_comment(
    logbook: Logbook | None, sessions: ChatSessions, session_hash: str | None, text: str
) -> None:
    """Attach the visitor's comment to the answer they just gave 👎."""
    session = sessions.get(session_hash)
    answer_id, session.pending = session.pending, None
    if logbook is None or answer_id is None or not text.strip():
        return
    try:
        logbook.rate(answer_id, Rating.DOWN, text.strip()[:MAX_COMMENT_CHARS])
    except LogbookError as exc:
        log.error("could not store a chat comment: %s", exc)


THEME = gr.themes.Default(
    # Local fonts only: the page must not fetch anything from outside the server.
    font=["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
    font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
)
CSS = "mark { background: #fff3a3; color: inherit; padding: 0 .1em; }"
