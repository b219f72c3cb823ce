"""What the chat shows, from tiny answers built in the test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from corpus.passage import Passage
from retrieval.answer import CRISIS_QUOTES_LEAD, DEFAULT_RESOURCES, Answer, Kind, Resource
from retrieval.answerer import Answerer
from ui.api import create_app
from ui.chat import (
    DISCLAIMER_CLASS,
    EMPTY_QUESTION,
    QUEUE_IDLE_POLL_S,
    QUEUE_PROGRESS_POLL_S,
    TOO_LONG,
    ask,
    build_chat,
    chat_message,
    render_answer,
    render_help_line,
    reply,
)
from ui.settings import Settings, parse_resources

TEXT = "Ketamine is fast. Relief comes within hours_or_days."


def _passage() -> Passage:
    return Passage(
        doc_id="d",
        source="The Article",
        section="Ketamine",
        text=TEXT,
        start=0,
        end=len(TEXT),
        sentences=((0, 17), (18, len(TEXT))),
        highlight=(18, len(TEXT)),
    )


def test_answer_shows_quote_section_highlight_and_disclaimer() -> None:
    shown = render_answer(
        Answer(Kind.ANSWER, "Here is what the article says:", [_passage()], "Not advice.")
    )
    assert "> Ketamine is fast. <mark>Relief comes within hours_or_days.</mark>" in shown
    assert "*Ketamine*, The Article" in shown
    assert "Not advice." in shown


def test_quote_text_is_escaped_so_markdown_cannot_change_it() -> None:
    passage = _passage()
    shown = render_answer(
        Answer(Kind.ANSWER, "m", [Passage(**{**passage.__dict__, "highlight": (0, 17)})], "d")
    )
    assert "hours\\_or\\_days" in shown


def test_crisis_lists_every_resource_before_anything_else() -> None:
    shown = render_answer(Answer(Kind.CRISIS, "We care.", [], "d", list(DEFAULT_RESOURCES)))
    # the lines to tap first (on a phone the care message repeats them below)
    assert shown.index("tel:988") < shown.index("tel:911") < shown.index("We care.")


def test_a_crisis_line_is_a_tap_away() -> None:
    resources = [
        Resource("Lifeline", "Call 988", "tel:988"),
        Resource("Online", "Chat <now>", "https://lifeline.example/chat?a=1&b=2"),
        Resource("Local", "Ask at the desk", ""),
        Resource("Odd", "Click", "javascript:alert(1)"),
    ]
    shown = render_answer(Answer(Kind.CRISIS, "We care.", [], "d", resources))
    assert '<a href="tel:988">Call 988</a>' in shown
    assert '<a href="https://lifeline.example/chat?a=1&amp;b=2">Chat \\<now\\></a>' in shown
    assert "**Local**: Ask at the desk" in shown
    assert "javascript" not in shown


def test_a_crisis_reply_with_quotes_puts_them_after_the_resources_and_offers_no_rating() -> None:
    resources = [DEFAULT_RESOURCES[0]]
    answer = Answer(Kind.CRISIS, "We care.", [_passage()], "Quotes, not advice.", resources)
    shown = render_answer(answer)
    assert shown.index("tel:988") < shown.index("We care.") < shown.index(CRISIS_QUOTES_LEAD)
    assert shown.index(CRISIS_QUOTES_LEAD) < shown.index("> ") < shown.index("Quotes, not advice.")
    assert DISCLAIMER_CLASS not in shown  # the page's CSS shows no thumbs under this reply


def test_a_crisis_reply_claims_no_quotes_and_offers_no_rating() -> None:
    disclaimer = "These are quotes from the article. Not medical advice."
    crisis = render_answer(Answer(Kind.CRISIS, "We care.", [], disclaimer, list(DEFAULT_RESOURCES)))
    assert "quotes" not in crisis
    assert DISCLAIMER_CLASS not in crisis  # the page's CSS shows no thumbs under this reply
    answer = render_answer(Answer(Kind.ANSWER, "Here:", [_passage()], disclaimer))
    assert f'<small class="{DISCLAIMER_CLASS}">{disclaimer}</small>' in answer


def test_a_question_shows_at_once_but_a_blank_one_does_not() -> None:
    earlier = [{"role": "assistant", "content": "An answer."}]
    assert ask(earlier, "What is CBT?") == [*earlier, {"role": "user", "content": "What is CBT?"}]
    assert ask(earlier, "  \n") == earlier
    assert earlier == [{"role": "assistant", "content": "An answer."}]  # not changed in place


def test_not_found_offers_suggestions_as_buttons_a_tap_asks() -> None:
    answer = Answer(Kind.NOT_FOUND, "Not covered.", [], "d", suggestions=["What is CBT?"])
    message = chat_message(answer)
    assert "You could ask:" in message["content"]
    assert "What is CBT?" not in message["content"]  # once, as a button
    assert message["options"] == [{"value": "What is CBT?", "label": "What is CBT?"}]
    assert "options" not in chat_message(Answer(Kind.ANSWER, "Here:", [_passage()], "d"))


@pytest.mark.parametrize(
    ("message", "expected"),
    [("", EMPTY_QUESTION), ("  \n", EMPTY_QUESTION), ("x" * 1001, TOO_LONG)],
)
def test_bad_input_gets_a_friendly_sentence(
    answerer: Answerer, message: str, expected: str
) -> None:
    assert reply(answerer, message) == {"role": "assistant", "content": expected}


def test_reply_answers_from_the_article(answerer: Answerer) -> None:
    assert "Cognitive Behavioral Therapy" in reply(answerer, "What is CBT?")["content"]


@pytest.mark.parametrize(
    ("resource", "expected"),
    [
        (DEFAULT_RESOURCES[0], '<a href="tel:988">Call or text 988</a>'),
        (
            Resource("<i>Line</i>", "Text <b>HOME</b>", "https://help.example/?a=1&b=2"),
            '<a href="https://help.example/?a=1&amp;b=2">Text \\<b\\>HOME\\</b\\></a>',
        ),
        (Resource("Front desk", "Ask at the desk", ""), "Ask at the desk"),
        (Resource("Odd", "Click", "javascript:alert(1)"), "Click"),
    ],
)
def test_the_line_under_the_question_box_is_the_first_resource_escaped(
    resource: Resource, expected: str
) -> None:
    line = render_help_line([resource, DEFAULT_RESOURCES[2]])
    assert line == f"Thinking about suicide or self-harm? {expected}"


def _component(config: dict[str, Any], elem_id: str) -> dict[str, Any]:
    """The props of the chat page's component with ``elem_id``, as the browser gets them."""
    found = [c["props"] for c in config["components"] if c["props"].get("elem_id") == elem_id]
    assert len(found) == 1, f"{len(found)} components #{elem_id} on the chat page"
    props: dict[str, Any] = found[0]
    return props


def test_the_chat_page_shows_the_clinics_first_crisis_line(
    answerer: Answerer, tmp_path: Path
) -> None:
    resources = [
        {"name": "Samaritans", "contact": "Call <116 123>", "url": "tel:116123"},
        {"name": "Emergency", "contact": "Call 999", "url": "tel:999"},
    ]
    settings = Settings(data_dir=tmp_path, crisis_resources=json.dumps(resources))
    with TestClient(create_app(settings, answerer=answerer)) as client:
        config = client.get("/config").json()
    line = _component(config, "verbatim-help")
    assert line["value"] == (
        'Thinking about suicide or self-harm? <a href="tel:116123">Call \\<116 123\\></a>'
    )
    assert line["visible"] is True
    order = [c["props"].get("elem_id") for c in config["components"]]
    assert order.index("verbatim-question") < order.index("verbatim-help")


def test_crisis_resources_are_a_setting() -> None:
    resources = parse_resources('[{"name": "Samaritans", "contact": "Call 116 123", "url": ""}]')
    assert resources[0].name == "Samaritans"
    with pytest.raises(ValueError, match="may not be empty"):
        parse_resources("[]")
    with pytest.raises(ValueError, match="JSON list"):
        parse_resources("988")
    with pytest.raises(ValueError, match="use https://"):
        parse_resources('[{"name": "Line", "contact": "Call 1", "url": "www.line.example"}]')


def test_the_chat_queue_does_not_poll_every_millisecond_while_idle() -> None:
    page = build_chat(
        lambda: None,  # type: ignore[arg-type,return-value]
        title="Chat",
        examples=[],
        resources=DEFAULT_RESOURCES,
    )
    queue = page._queue  # fails if Gradio renames its settings
    assert queue.sleep_when_free == QUEUE_IDLE_POLL_S
    assert queue.progress_update_sleep_when_free == QUEUE_PROGRESS_POLL_S
