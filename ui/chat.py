"""The Gradio chat at ``/``: a visitor's question in, the article's own words out."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import gradio as gr

from retrieval.answer import Answer, Kind
from retrieval.answerer import Answerer
from ui.schemas import MAX_QUESTION_CHARS

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


def build_chat(answerer: Callable[[], Answerer], *, title: str, examples: list[str]) -> gr.Blocks:
    """The chat page; ``answerer`` is looked up per message, once the app has loaded it."""

    def respond(message: str, history: list[dict[str, str]]) -> str:
        return reply(answerer(), message)

    with gr.Blocks(title=title, analytics_enabled=False) as chat:
        gr.Markdown(
            f"## {html.escape(title)}\nAnswers are quoted word for word from the clinic's article."
        )
        gr.ChatInterface(
            respond,
            examples=examples or None,
            cache_examples=False,
            autofocus=True,
            api_visibility="private",
        )
    return chat  # type: ignore[no-any-return]


THEME = gr.themes.Default(
    # Local fonts only: the page must not fetch anything from outside the server.
    font=["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
    font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
)
CSS = "mark { background: #fff3a3; color: inherit; padding: 0 .1em; }"
