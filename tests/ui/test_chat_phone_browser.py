"""The Gradio chat on a phone (390x844, touch), in Debian's Chromium: what a visitor sees."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from retrieval.answerer import Answerer
from tests.browser import screenshot_path, serve
from ui.api import create_app
from ui.logbook import Filters
from ui.settings import Settings

if TYPE_CHECKING:
    from playwright.sync_api import Browser, FloatRect, Locator, Page

PHONE = {"width": 390, "height": 844}
# The n-th reply is shown and the chat has finished its turn (the question box is enabled).
IDLE = """n => document.querySelectorAll('[data-testid=bot]').length >= n
    && [...document.querySelectorAll('textarea')].every(t => !t.disabled)"""
# The newest answer starts inside the conversation's box, where the visitor can read it.
NEWEST_ANSWER_IN_VIEW = """() => {
    const log = document.querySelector('[role=log]').getBoundingClientRect();
    const bots = document.querySelectorAll('[data-testid=bot]');
    const answer = bots[bots.length - 1].getBoundingClientRect();
    return answer.top >= log.top && answer.top <= log.bottom - 60;
}"""
# Buttons in the conversation a screen reader could not name (Gradio's share button was one).
UNNAMED_BUTTONS = """() => [...document.querySelectorAll('[role=log], [role=log] ~ *, .top-panel')]
    .flatMap(e => [...e.querySelectorAll('button')])
    .filter(b => b.offsetParent && !(b.getAttribute('aria-label') || b.textContent.trim()))
    .length"""


@pytest.fixture(scope="module")
def base(answerer: Answerer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The whole app, served once for this module's tests."""
    app = create_app(Settings(data_dir=tmp_path_factory.mktemp("phone")), answerer=answerer)
    with serve(app) as url:
        yield url


@pytest.fixture
def phone(chromium: Browser, base: str) -> Iterator[Page]:
    """The chat open on a phone-sized touch screen."""
    context = chromium.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{base}/")
    page.get_by_role("textbox", name="Your question").wait_for()
    try:
        yield page
    finally:
        context.close()


def _ask(page: Page, question: str, replies: int) -> None:
    box = page.get_by_role("textbox", name="Your question")
    box.fill(question)
    box.press("Enter")
    page.wait_for_function(IDLE, arg=replies, timeout=30_000)


def _box(locator: Locator) -> FloatRect:
    box = locator.bounding_box()
    assert box is not None, f"{locator} is not shown"
    return box


def _expect_newest_answer_in_view(page: Page) -> None:
    try:
        page.wait_for_function(NEWEST_ANSWER_IN_VIEW, timeout=5_000)
    except PlaywrightTimeout:
        pytest.fail("the start of the newest answer is scrolled out of the conversation's box")


def _font_px(locator: Locator) -> float:
    return float(locator.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))


@pytest.mark.browser
def test_the_conversation_fills_the_screen_with_nothing_over_it(phone: Page) -> None:
    log, question = phone.get_by_role("log"), phone.get_by_role("textbox", name="Your question")
    assert _box(log)["height"] > PHONE["height"] / 2  # not a fixed 400 px box
    assert _box(question)["y"] + _box(question)["height"] <= PHONE["height"]  # input on screen
    page_height = phone.evaluate("document.documentElement.scrollHeight")
    assert page_height <= PHONE["height"]  # no empty page under the chat
    assert _font_px(question) >= 16  # iOS Safari zooms into a box below 16 px
    # The crisis line, under the question box whatever was asked: a tap from help.
    crisis = _box(phone.locator("#verbatim-help").get_by_role("link", name="Call or text 988"))
    assert _box(question)["y"] + _box(question)["height"] <= crisis["y"]
    assert crisis["y"] + crisis["height"] <= PHONE["height"] and crisis["height"] >= 24

    _ask(phone, "What is CBT?", 1)
    assert not phone.locator("[data-testid=block-label]").is_visible()  # no "Chatbot" label
    toolbar = _box(phone.get_by_role("button", name="Clear"))
    assert toolbar["y"] + toolbar["height"] <= _box(log)["y"]  # above the text, not over it
    assert phone.evaluate(UNNAMED_BUTTONS) == 0  # no share button without a name
    phone.screenshot(path=str(screenshot_path("chat-phone-start")))


@pytest.mark.browser
def test_a_reply_opens_at_its_start_with_thumbs_a_finger_can_hit(phone: Page) -> None:
    # Both answers are longer than the box: the end of the second is its disclaimer.
    _ask(phone, "what is catastrophizing?", 1)
    _ask(phone, "how long does ketamine take to work", 2)
    _expect_newest_answer_in_view(phone)
    newest = phone.locator("[data-testid=bot]").last
    assert "Patients often report relief" in newest.inner_text()
    phone.screenshot(path=str(screenshot_path("chat-phone-answer")))

    for name in ("Like", "Dislike"):
        thumb = _box(phone.get_by_role("button", name=name, exact=True).last)
        assert thumb["width"] >= 40 and thumb["height"] >= 40
    # Answers are quoted, so asking again gives the same one: no Retry (nor Undo) to log twice.
    for name in ("Retry", "Undo"):
        assert phone.get_by_role("button", name=name).count() == 0


@pytest.mark.browser
def test_a_crisis_reply_has_resources_and_no_quote_disclaimer_or_thumbs(phone: Page) -> None:
    _ask(phone, "What is CBT?", 1)
    _ask(phone, "i just want it all to be over", 2)
    crisis = phone.locator("[data-testid=bot]").last
    assert "988" in crisis.inner_text()
    assert "quotes from" not in crisis.inner_text()
    assert crisis.get_by_role("link", name="Call 911").get_attribute("href") == "tel:911"
    first_line = _box(crisis.get_by_role("link", name="Call or text 988"))
    log = _box(phone.locator("[role=log]"))
    assert log["y"] <= first_line["y"] <= log["y"] + log["height"] - first_line["height"]
    _expect_newest_answer_in_view(phone)
    phone.screenshot(path=str(screenshot_path("chat-phone-crisis")))
    _ask(phone, " ", 3)  # nor under the request to type a question
    assert "Please type a question" in phone.locator("[data-testid=bot]").last.inner_text()
    assert phone.get_by_role("button", name="Like", exact=True).count() == 1  # the CBT answer's
    assert phone.get_by_role("button", name="Dislike", exact=True).count() == 1


@pytest.mark.browser
def test_the_comment_box_opens_under_the_conversation_near_the_thumb(phone: Page) -> None:
    _ask(phone, "what is catastrophizing?", 1)
    chat_top = _box(phone.get_by_role("log"))["y"]
    phone.get_by_role("button", name="Dislike", exact=True).tap()
    comment = phone.get_by_label("What was wrong?", exact=False)
    comment.wait_for(state="visible")
    log = _box(phone.get_by_role("log"))
    question = _box(phone.get_by_role("textbox", name="Your question"))
    assert log["y"] == chat_top  # the conversation did not move down
    assert log["y"] + log["height"] <= _box(comment)["y"] < question["y"]
    assert question["y"] + question["height"] <= PHONE["height"]
    assert _font_px(comment) >= 16
    phone.screenshot(path=str(screenshot_path("chat-phone-comment")))

    _ask(phone, "What is CBT?", 2)  # a new question: the comment box was for the last answer
    assert not comment.is_visible()


@pytest.mark.browser
def test_clearing_the_chat_starts_a_new_conversation_for_staff(
    chromium: Browser, answerer: Answerer, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("cleared")
    app = create_app(Settings(data_dir=folder), answerer=answerer)
    with serve(app) as url:
        context = chromium.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        try:
            page = context.new_page()
            page.goto(f"{url}/")
            _ask(page, "What is CBT?", 1)
            page.get_by_role("button", name="Clear").click()
            page.wait_for_function("() => !document.querySelector('[data-testid=bot]')")
            _ask(page, "what is catastrophizing?", 1)
        finally:
            context.close()
        book = app.state.logbook
        book.written()
        conversations = {e.conversation_id for e in book.entries(Filters())}
    assert len(conversations) == 2


@pytest.mark.browser
def test_a_suggested_question_is_asked_with_a_tap(phone: Page) -> None:
    _ask(phone, "what is the capital of France?", 1)
    refused = phone.locator("[data-testid=bot]").last
    assert "The article does not cover that question" in refused.inner_text()
    options = phone.locator("button.option")
    assert options.count() == 3
    suggestion = options.first.inner_text().strip()
    box = _box(options.first)
    assert box["height"] >= 32  # a finger can hit it
    phone.screenshot(path=str(screenshot_path("chat-phone-suggestions")))
    options.first.tap()
    phone.wait_for_function(IDLE, arg=2, timeout=30_000)
    assert phone.locator("[data-testid=user]").last.inner_text().strip() == suggestion
    assert "Here is what the article says" in phone.locator("[data-testid=bot]").last.inner_text()
