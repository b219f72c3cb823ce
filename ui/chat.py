"""The Gradio chat at ``/``: a visitor's question in, the article's own words out."""

from __future__ import annotations

import html
import logging
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import gradio as gr

from retrieval.answer import CRISIS_QUOTES_LEAD, HELP_PROMPT, Answer, Kind, Resource
from retrieval.answerer import Answerer
from ui.errors import LogbookError
from ui.logbook import Entry, Logbook, Rating, new_conversation_id, new_entry
from ui.schemas import MAX_COMMENT_CHARS, MAX_QUESTION_CHARS, clean_text

log = logging.getLogger("verbatim")

EMPTY_QUESTION = "Please type a question about the article, for example “What is CBT?”."
TOO_LONG = f"That question is too long: please keep it under {MAX_QUESTION_CHARS} characters."
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")
# Gradio cannot leave the 👍/👎 off one message; ``CSS`` shows them only under a reply whose
# disclaimer has this class (its sanitizer keeps classes). A reply without one is not rated:
# crisis resources (with or without quotes), or a request to retype the question.
DISCLAIMER_CLASS = "verbatim-disclaimer"
Message = dict[str, Any]  # one chat message as Gradio takes it: role, content, options


def escape_markdown(text: str) -> str:
    """Text shown literally in Markdown: a quote must look exactly as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def render_answer(answer: Answer) -> str:
    """The Markdown a visitor sees: lead line, quotes with their section, then the disclaimer.

    A crisis reply is the lines to reach first, a tap away on a phone, then the care message
    (as the embed shows it), then any quotes the crisis net let through under their own lead
    line (``resources_first``). Only a reply with quotes has the disclaimer, and only an
    answer a 👍/👎 (see ``DISCLAIMER_CLASS``): a person in crisis is not asked for a rating.
    """
    if answer.kind is Kind.CRISIS:
        lines = [f"- **{escape_markdown(r.name)}**: {_reach(r)}" for r in answer.resources]
        crisis = "\n".join(lines) + f"\n\n{escape_markdown(answer.message)}"
        if not answer.passages:
            return crisis
        disclaimer = (
            f'<small class="verbatim-crisis-disclaimer">{html.escape(answer.disclaimer)}</small>'
        )
        return "\n\n".join(
            [crisis, f"**{escape_markdown(CRISIS_QUOTES_LEAD)}**", *_quotes(answer), disclaimer]
        )
    parts = [f"**{escape_markdown(answer.message)}**", *_quotes(answer)]
    if answer.suggestions:
        parts.append("You could ask:")  # the suggestions follow as buttons (chat_message)
    parts.append(f'<small class="{DISCLAIMER_CLASS}">{html.escape(answer.disclaimer)}</small>')
    return "\n\n".join(parts)


def _quotes(answer: Answer) -> list[str]:
    """Each quote in Markdown, its answering sentence marked, then its section and source."""
    parts = []
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
    return parts


def chat_message(answer: Answer) -> Message:
    """The chat's message for an answer: its Markdown, and its suggested questions as buttons
    a tap asks (Gradio's message options)."""
    message: Message = {"role": "assistant", "content": render_answer(answer)}
    if answer.suggestions:
        message["options"] = [{"value": s, "label": s} for s in answer.suggestions]
    return message


def _said(text: str) -> Message:
    return {"role": "assistant", "content": text}


def _reach(resource: Resource) -> str:
    """How to reach a crisis resource; a tap on a phone calls, texts or opens it."""
    contact = escape_markdown(resource.contact)
    if resource.link:
        return f'<a href="{html.escape(resource.link)}">{contact}</a>'
    return contact


def render_help_line(resources: Sequence[Resource]) -> str:
    """The Markdown of the line always shown under the question box: the first crisis
    resource, a tap away, for a crisis message the detector misses."""
    return f"{HELP_PROMPT} {_reach(resources[0])}"


def reply(answerer: Answerer, question: str) -> Message:
    """The chat's reply to one message, friendly for input the API would reject."""
    question = clean_text(question or "")
    return _unaskable(question) or chat_message(answerer.ask(question))


def _unaskable(question: str) -> Message | None:
    """The reply to a cleaned question the API would reject; None when it can be asked."""
    if len(question) > MAX_QUESTION_CHARS:
        return _said(TOO_LONG)
    return None if question else _said(EMPTY_QUESTION)


History = list[Message]

# Gradio's own autoscroll jumps to the end of the box, past the answer to its disclaimer. This
# puts the newest question at the top of the box with the start of its answer under it (or the
# answer's start at the top, when a long question would push it out of view).
SCROLL_TO_NEWEST = """async () => {
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));
  const log = document.querySelector("#verbatim-chat [role=log]");
  if (!log) return;
  const rows = [...log.querySelectorAll(".message-row")];
  const question = rows.filter((row) => row.classList.contains("user-row")).pop();
  if (!question) return;
  const answer = rows.slice(rows.indexOf(question)).find((r) => r.classList.contains("bot-row"));
  const top = (el) => el.getBoundingClientRect().top - log.getBoundingClientRect().top;
  let target = top(question);
  if (answer && top(answer) - target > log.clientHeight / 3) target = top(answer);
  log.scrollTo({ top: log.scrollTop + target - 8 });
}"""


def build_chat(
    answerer: Callable[[], Answerer],
    *,
    title: str,
    examples: list[str],
    resources: Sequence[Resource],
    logbook: Callable[[], Logbook] | None = None,
) -> gr.Blocks:
    """The chat page; ``answerer`` (and ``logbook``) are looked up per message, once the app
    has loaded them. Each chat session gets a random conversation id and 👍/👎 buttons;
    the first of ``resources`` is always shown under the question box.

    A plain Chatbot and Textbox rather than ``gr.ChatInterface``: its Retry and Undo buttons
    would only re-ask or take back a question whose answer cannot change, logging it twice."""
    sessions = ChatSessions()

    def current_logbook() -> Logbook | None:
        return logbook() if logbook else None

    def respond(message: str, history: History, request: gr.Request) -> History:
        shown = answer_and_log(
            answerer(),
            current_logbook(),
            sessions,
            request.session_hash,
            message,
            len(history) - 1,  # the question is the last message shown
        )
        return [*history, shown]

    def like(data: gr.LikeData, request: gr.Request) -> Any:
        down = rate_message(
            current_logbook(), sessions, request.session_hash, data.index, data.liked
        )
        return gr.update(visible=down)

    def forget(request: gr.Request) -> None:
        sessions.forget(request.session_hash)

    def comment(text: str, request: gr.Request) -> tuple[Any, Any]:
        add_comment(current_logbook(), sessions, request.session_hash, text)
        return gr.update(visible=False), ""

    private: dict[str, Any] = {"api_visibility": "private"}
    with gr.Blocks(title=title, analytics_enabled=False, fill_height=True) as page:
        chat = _ChatPage.lay_out(title, examples, resources)
        taken = [chat.box, chat.chatbot, chat.question, chat.comment_row]
        for asked in (
            chat.box.submit(_take, [chat.box, chat.chatbot], taken, queue=False, **private),
            chat.chatbot.example_select(_take_example, [chat.chatbot], taken, **private),
            chat.chatbot.option_select(_take_option, [chat.chatbot], taken, **private),
        ):
            shown = asked.then(None, js=SCROLL_TO_NEWEST)
            answered = shown.then(respond, [chat.question, chat.chatbot], [chat.chatbot], **private)
            scrolled = answered.then(None, js=SCROLL_TO_NEWEST)
            scrolled.then(_unlock, None, [chat.box], queue=False, **private)
        chat.chatbot.like(like, None, [chat.comment_row], **private)
        chat.chatbot.clear(forget, None, None, queue=False, **private)
        for sent in (chat.send.click, chat.comment.submit):
            sent(comment, [chat.comment], [chat.comment_row, chat.comment], **private)
    calm_idle_queue(page)
    return page  # type: ignore[no-any-return]


# How often Gradio's queue looks for a chat message to run while it has none, and for
# progress to report (the chat shows no progress bars), in seconds.
QUEUE_IDLE_POLL_S = 0.02
QUEUE_PROGRESS_POLL_S = 0.1


def calm_idle_queue(page: gr.Blocks) -> None:
    """Let the chat's queue look for work every 20 ms while idle, not every millisecond.

    Gradio's queue polls (``sleep_when_free``: 1 ms on Linux, 50 ms on Windows; progress every
    10 ms): a server nobody was using took 8.6% of a core, and a model call beside it took
    about 15% longer; now 1.5–1.9% (docs/quality.md). A chat message may wait up to 20 ms before
    it starts. A test fails if a Gradio upgrade renames these settings.
    """
    queue = page._queue
    if hasattr(queue, "sleep_when_free") and hasattr(queue, "progress_update_sleep_when_free"):
        queue.sleep_when_free = QUEUE_IDLE_POLL_S
        queue.progress_update_sleep_when_free = QUEUE_PROGRESS_POLL_S


@dataclass(frozen=True)
class _ChatPage:
    """The chat's components, top to bottom."""

    chatbot: gr.Chatbot
    comment_row: gr.Row
    comment: gr.Textbox
    send: gr.Button
    box: gr.Textbox
    question: gr.State  # the question being answered, once the box is emptied

    @classmethod
    def lay_out(cls, title: str, examples: list[str], resources: Sequence[Resource]) -> _ChatPage:
        """Heading, conversation (the screen's free height), comment box, question box and
        the crisis line."""
        gr.Markdown(
            f"## {html.escape(title)}\nAnswers are quoted word for word from the clinic's article.",
            elem_id="verbatim-header",
        )
        chatbot = gr.Chatbot(
            label="Conversation",
            show_label=False,  # the floating label hid the first line of the conversation
            buttons=["copy", "copy_all"],  # no "share": unnamed, it works only on HF Spaces
            feedback_options=("Like", "Dislike"),
            examples=[{"text": example} for example in examples] or None,
            autoscroll=False,  # SCROLL_TO_NEWEST instead
            # One bubble per message, so a thumb's index is always the message's own (a
            # blank question gets a reply with no question shown before it).
            group_consecutive_messages=False,
            height=None,
            scale=1,  # with the page's fill_height: all the height the rest leaves
            elem_id="verbatim-chat",
        )
        # Under the conversation, where the thumb that opens it is; it shrinks the
        # conversation's box rather than pushing the conversation down.
        with gr.Row(visible=False, elem_id="verbatim-comment") as comment_row:
            comment = gr.Textbox(
                label="What was wrong? (optional; please leave out personal details)",
                max_length=MAX_COMMENT_CHARS,
                scale=4,
            )
            send = gr.Button("Send comment", scale=1)
        box = gr.Textbox(
            label="Your question",
            show_label=False,
            placeholder="Ask about the article",
            submit_btn="Ask",  # a named button (the default arrow has no accessible name)
            autofocus=True,
            max_lines=6,
            elem_id="verbatim-question",
        )
        gr.Markdown(render_help_line(resources), elem_id="verbatim-help")
        return cls(chatbot, comment_row, comment, send, box, gr.State(""))


def _take(message: str, history: History) -> tuple[Any, History, str, Any]:
    """Show the question at once and lock the box until the answer comes; a comment box
    still open belongs to an earlier answer, so it closes."""
    locked = gr.update(value="", interactive=False)
    return locked, ask(history, message), message, gr.update(visible=False)


def _take_example(choice: gr.SelectData, history: History) -> tuple[Any, History, str, Any]:
    """An example question clicked in the empty conversation is asked like a typed one."""
    return _take(str(choice.value.get("text", "")), history)


def _take_option(choice: gr.SelectData, history: History) -> tuple[Any, History, str, Any]:
    """A suggested question tapped under an answer is asked like a typed one."""
    return _take(str(choice.value), history)


def _unlock() -> Any:
    return gr.update(interactive=True)


def ask(history: History, message: str) -> History:
    """The conversation with the visitor's question added (a blank one is not shown)."""
    if not message or not message.strip():
        return list(history)
    return [*history, {"role": "user", "content": message}]


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

    def forget(self, session_hash: str | None) -> None:
        """Start the session afresh: a cleared chat is a new conversation for staff."""
        with self._lock:
            self._sessions.pop(session_hash or "", None)


def answer_and_log(
    answerer: Answerer,
    logbook: Logbook | None,
    sessions: ChatSessions,
    session_hash: str | None,
    message: str,
    position: int,
    *,
    write: Callable[[Logbook, Entry], object] = Logbook.record_later,
) -> Message:
    """Reply to a message and log the answer; ``position`` is the user message's index.

    ``write`` stores the entry: by default on the log's writer thread, after the reply is
    shown, so a slow or locked database holds up no visitor (Gradio runs one event at a time).
    """
    question = clean_text(message or "")  # as the API cleans it
    unaskable = _unaskable(question)
    if unaskable is not None:
        return unaskable
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
        if answer.kind is not Kind.CRISIS:  # a person in crisis is not asked for a rating
            session.answers[position + 1] = answer.id  # the reply follows the question
    return chat_message(answer)


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
    comment = clean_text(text or "")[:MAX_COMMENT_CHARS]  # as the API cleans it
    if logbook is None or answer_id is None or not comment:
        return
    try:
        logbook.rate(answer_id, Rating.DOWN, comment)
    except LogbookError as exc:
        log.error("could not store a chat comment: %s", exc)


THEME = gr.themes.Default(
    # Local fonts only: the page must not fetch anything from outside the server.
    font=["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
    font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
).set(input_text_size="16px")  # below 16 px, iOS Safari zooms the page into a focused box

CSS = """
mark { background: #fff3a3; color: inherit; padding: 0 .1em; }
/* The toolbar (clear, copy all) on its own line: floating, it covered the first words. */
#verbatim-chat .top-panel { position: static; align-self: flex-end; margin: 0 0 4px; }
/* The conversation takes the height left on the screen and scrolls inside it. */
#verbatim-chat { flex: 1 1 0; min-height: 240px; }
#verbatim-chat > .wrapper { display: flex; flex-direction: column; min-height: 0; }
#verbatim-chat [role=log] { flex: 1 1 0; min-height: 0; }
/* 👍/👎 only under a reply with a disclaimer (DISCLAIMER_CLASS): Gradio has no per-message
   switch, and a crisis reply or a request to retype a question has nothing to rate. */
#verbatim-chat .bot-row:not(:has(.verbatim-disclaimer)) + .message-buttons
  :is(button[aria-label^="Like"], button[aria-label^="Dislike"]) { display: none; }
#verbatim-chat .bot-row:not(:has(.verbatim-disclaimer)) + .message-buttons
  button::after { content: none; }
/* The crisis line under the question box (render_help_line): quieter than an answer, its
   link padded to a 28 px target for a finger. */
#verbatim-help { margin-top: -8px; }
#verbatim-help .prose { font-size: var(--text-sm); color: var(--body-text-color-subdued); }
#verbatim-help p { margin: 0; }
#verbatim-help a {
  display: inline-block; padding: 6px 0; color: var(--body-text-color); font-weight: 600;
}
@media (max-width: 640px), (pointer: coarse) {
  /* Thumbs and copy buttons under an answer that a finger can hit (Gradio's are 18 px). */
  #verbatim-chat .message-buttons-left .icon-button { min-width: 40px; min-height: 40px; }
}
@media (max-width: 640px) {
  /* On a phone the conversation gets the screen, not the heading. */
  #verbatim-header h2 { font-size: 1.2rem; margin: 0 0 .25em; }
  #verbatim-header p { margin: 0; }
}
"""
