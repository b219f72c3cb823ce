"""The embedded chat and the chat button in Debian's Chromium, on host pages of other sites.

The chat server listens on http://127.0.0.1:A; host pages are served from http://localhost:B
(allowed in VERBATIM_EMBED_ORIGINS) and http://localhost:C (not allowed). ``localhost`` and
``127.0.0.1`` are different sites to the browser, so the chat really runs as a third party.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import expect
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from retrieval.answer import DEFAULT_DISCLAIMER
from retrieval.answerer import Answerer
from tests.browser import free_port, screenshot_path, serve
from ui.api import create_app
from ui.logbook import Rating
from ui.settings import Settings

if TYPE_CHECKING:
    from playwright.sync_api import (
        Browser,
        BrowserContext,
        ConsoleMessage,
        Dialog,
        Frame,
        FrameLocator,
        Locator,
        Page,
    )
    from playwright.sync_api import Route as Intercepted

pytestmark = pytest.mark.browser

HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Clinic</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body {{ font-family: Georgia, serif; color: rgb(10, 20, 30); background: rgb(250, 240, 230);
          margin: 0; padding: 16px; line-height: 1.8; }}
  button {{ background: rgb(200, 0, 0); color: white; font-size: 18px; border-radius: 0; }}
  h1 {{ font-size: 40px; letter-spacing: 2px; }}
</style></head>
<body>
  <h1 id="heading">Clinic home</h1>
  <p id="para">We treat chronic pain.</p>
  <button id="book" type="button">Book a visit</button>
  {snippet}
</body></html>"""
TITLE = "Ask about ketamine therapy"
FRAME_TITLE = "Questions & answers"
STYLES = ["fontFamily", "color", "backgroundColor", "fontSize", "lineHeight", "letterSpacing"]
UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


@dataclass(frozen=True)
class Sites:
    """Where the chat and the host pages are served."""

    chat: str
    allowed: str
    refused: str
    app: Any  # the chat server's app, to read what the real API stored


@pytest.fixture(scope="module")
def sites(answerer: Answerer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sites]:
    allowed_port, refused_port = free_port(), free_port()
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("data"),
        embed_origins=f"http://localhost:{allowed_port}",
    )
    app = create_app(settings, answerer=answerer)
    with serve(app) as chat:
        host = _host_app(chat)
        with serve(host, port=allowed_port), serve(host, port=refused_port):
            yield Sites(
                chat=chat,
                allowed=f"http://localhost:{allowed_port}",
                refused=f"http://localhost:{refused_port}",
                app=app,
            )


def _host_app(chat: str) -> Starlette:
    """A clinic's own site, on another origin: a page with the iframe, one with the button."""

    def frame(request: Request) -> HTMLResponse:
        src = f"{chat}/embed?title=Questions+%26+answers"
        snippet = f'<iframe id="chat" src="{src}" title="Chat" width="420" height="640">'
        return HTMLResponse(HOST_PAGE.format(snippet=snippet + "</iframe>"))

    def widget(request: Request) -> HTMLResponse:
        snippet = (
            f'<script src="{chat}/widget.js" data-title="{TITLE}" data-accent="#0a7"'
            ' data-position="right" defer></script>'
        )
        with_widget = request.query_params.get("widget") != "no"
        return HTMLResponse(HOST_PAGE.format(snippet=snippet if with_widget else ""))

    def favicon(request: Request) -> Response:
        return Response(status_code=204)

    return Starlette(
        routes=[Route("/frame", frame), Route("/widget", widget), Route("/favicon.ico", favicon)]
    )


@pytest.fixture
def context(chromium: Browser) -> Iterator[BrowserContext]:
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    yield context
    context.close()


@pytest.fixture
def phone(chromium: Browser) -> Iterator[BrowserContext]:
    context = chromium.new_context(
        viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True
    )
    yield context
    context.close()


def ask(chat: FrameLocator | Page, question: str) -> None:
    """Type a question into the embedded chat and wait for its answer."""
    count = chat.locator(".answer:not([aria-busy])").count()
    chat.locator("#question").fill(question)
    chat.locator("#question").press("Enter")
    chat.locator(".answer:not([aria-busy])").nth(count).wait_for()


def last_answer(chat: FrameLocator | Page) -> Any:
    return chat.locator(".answer").last


def no_horizontal_scroll(frame: Frame | Page) -> bool:
    result: bool = frame.evaluate(
        "() => document.documentElement.scrollWidth <= window.innerWidth"
        " && [...document.querySelectorAll('.log, .answer, .quote')]"
        "      .every(e => e.scrollWidth <= e.clientWidth + 1)"
    )
    return result


def console_problems(page: Page) -> list[str]:
    """Errors and warnings of the page and its frames, collected from now on."""
    problems: list[str] = []

    def record(message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            problems.append(f"{message.text} ({message.location['url']})")

    page.on("console", record)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def lines_of_text(element: Any) -> int:
    """How many lines an element's text takes on screen."""
    count: int = element.evaluate(
        """(e) => {
            const range = document.createRange();
            range.selectNodeContents(e);
            return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        }"""
    )
    return count


# --- the iframe ------------------------------------------------------------------------------


def test_iframe_on_another_site_quotes_with_sections_and_says_not_found(
    context: BrowserContext, sites: Sites
) -> None:
    page = context.new_page()
    problems = console_problems(page)
    page.goto(f"{sites.allowed}/frame")
    chat = page.frame_locator("#chat")
    heading = chat.locator("h1")
    assert heading.inner_text() == FRAME_TITLE  # the title= option, shown
    assert heading.evaluate("e => e.getBoundingClientRect().height") > 10

    ask(chat, "What is CBT?")
    answer = last_answer(chat)
    quote = answer.locator(".quote").first
    assert "Cognitive Behavioral Therapy (CBT)" in quote.locator("blockquote").inner_text()
    assert quote.locator(".section").inner_text() == "Talk Therapy"
    assert quote.locator("mark").count() == 1
    assert "not medical advice" in chat.locator("#disclaimer").inner_text()

    ask(chat, "What is the capital of France?")
    answer = last_answer(chat)
    assert "does not cover" in answer.locator(".lead").inner_text()
    assert answer.locator(".quote").count() == 0
    suggestions = answer.locator(".chip")
    assert suggestions.count() == 3

    suggestion = suggestions.first.inner_text()
    suggestions.first.click()  # a suggestion is asked as it is
    chat.locator(".answer:not([aria-busy])").nth(2).wait_for()
    assert chat.locator(".question").last.inner_text() == suggestion
    assert last_answer(chat).locator(".quote").count() >= 1

    assert context.cookies() == []  # nothing to log in to, nothing stored
    assert no_horizontal_scroll(page.frames[1])
    assert problems == []
    page.screenshot(path=screenshot_path("embed-iframe-desktop"))


def test_iframe_on_a_site_not_allowed_is_blocked_by_the_browser(
    context: BrowserContext, sites: Sites
) -> None:
    page = context.new_page()
    refusals: list[str] = []
    page.on("console", lambda message: refusals.append(message.text))
    with page.expect_event("framenavigated", predicate=lambda f: f != page.main_frame):
        page.goto(f"{sites.refused}/frame")
    frame = page.frames[1]
    frame.wait_for_load_state()
    assert frame.url.startswith("chrome-error://")  # Chromium replaced the chat by an error
    assert frame.locator("#question").count() == 0
    deadline = time.monotonic() + 5
    while not any("frame-ancestors" in text for text in refusals) and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    assert any("frame-ancestors" in text and sites.allowed in text for text in refusals)


# --- the chat button ---------------------------------------------------------------------------


def _host_state(page: Page) -> dict[str, Any]:
    """Computed styles of the host's own elements, its globals and its style sheets."""
    state: dict[str, Any] = page.evaluate(
        """(names) => ({
            styles: ['#heading', '#para', '#book', 'body'].map((selector) => {
                const style = getComputedStyle(document.querySelector(selector));
                return Object.fromEntries(names.map((name) => [name, style[name]]));
            }),
            globals: Object.getOwnPropertyNames(window).sort(),
            sheets: document.styleSheets.length,
            elements: [...document.querySelectorAll('body *:not(script)')].map((e) => e.tagName),
        })""",
        STYLES,
    )
    return state


def test_chat_button_on_another_site_opens_answers_closes_and_leaves_host_styles(
    context: BrowserContext, sites: Sites
) -> None:
    page = context.new_page()
    problems = console_problems(page)
    page.goto(f"{sites.allowed}/widget?widget=no")
    before = _host_state(page)
    page.goto(f"{sites.allowed}/widget")
    launcher = page.locator("verbatim-widget .launcher")
    launcher.wait_for()
    assert launcher.get_attribute("aria-label") == f"Open chat: {TITLE}"
    assert launcher.get_attribute("aria-expanded") == "false"

    page.locator("#book").focus()
    page.keyboard.press("Tab")  # the next stop after the host's last control is the button
    assert page.evaluate("document.activeElement.shadowRoot.activeElement.className") == "launcher"
    page.keyboard.press("Enter")
    panel = page.locator("verbatim-widget .panel")
    expect(panel).to_be_visible()  # waits for the panel, as a person would
    assert panel.get_attribute("role") == "dialog"
    assert panel.get_attribute("aria-label") == TITLE
    assert panel.get_attribute("aria-modal") == "false"  # the page beside it stays usable
    assert launcher.get_attribute("aria-expanded") == "true"

    chat = page.frame_locator("verbatim-widget iframe")
    question = chat.locator("#question")
    question.wait_for()
    page.wait_for_function(  # focus moved into the chat's input, across origins
        "() => document.activeElement.tagName === 'VERBATIM-WIDGET'"
    )
    deadline = time.monotonic() + 5
    while not question.evaluate("e => document.activeElement === e"):
        assert time.monotonic() < deadline, "the chat's input did not get the focus"
        page.wait_for_timeout(50)
    page.keyboard.type("How fast does ketamine work?")
    page.keyboard.press("Enter")
    chat.locator(".answer:not([aria-busy]) .quote").first.wait_for()
    assert "hours or days" in last_answer(chat).inner_text()
    assert chat.locator("html").get_attribute("data-theme") == "light"
    # The panel's bar shows the title: in the chat it is left to screen readers only.
    assert chat.locator("h1").evaluate("e => e.getBoundingClientRect().height") <= 1
    assert chat.locator("h1").inner_text() == TITLE
    assert no_horizontal_scroll(page.frames[1])
    page.screenshot(path=screenshot_path("widget-desktop"))

    page.keyboard.press("Escape")  # pressed inside the chat's frame
    expect(panel).to_be_hidden()
    assert launcher.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.shadowRoot.activeElement.className") == "launcher"

    after = _host_state(page)
    assert after["styles"] == before["styles"]
    assert after["sheets"] == before["sheets"]
    assert set(after["globals"]) - set(before["globals"]) == set()
    assert after["elements"] == [*before["elements"], "VERBATIM-WIDGET"]  # one element, added last
    assert problems == []


def test_chat_button_is_full_screen_on_a_phone(phone: BrowserContext, sites: Sites) -> None:
    page = phone.new_page()
    page.goto(f"{sites.allowed}/widget")
    page.locator("verbatim-widget .launcher").click()
    panel = page.locator("verbatim-widget .panel")
    assert panel.bounding_box() == {"x": 0, "y": 0, "width": 360, "height": 640}
    assert panel.get_attribute("aria-modal") == "true"
    chat = page.frame_locator("verbatim-widget iframe")
    ask(chat, "What are the side effects of ketamine?")
    frame = page.frames[1]
    assert no_horizontal_scroll(frame)
    assert disclaimer_in_full_view(frame)  # in the panel too, without a tap
    page.screenshot(path=screenshot_path("widget-mobile"))

    close = page.locator("verbatim-widget .close")
    close.focus()
    page.keyboard.press("Shift+Tab")  # would reach the host's button, hidden behind the panel
    assert page.evaluate("document.activeElement.tagName") == "VERBATIM-WIDGET"
    assert page.evaluate("document.activeElement.shadowRoot.activeElement.className") == "close"
    page.keyboard.press("Enter")
    expect(panel).to_be_hidden()
    assert page.evaluate("document.activeElement.shadowRoot.activeElement.className") == "launcher"


def _focused_in_widget(page: Page) -> str:
    """The focused element inside the widget's shadow root, as ``tag.class``, or the page's."""
    focused: str = page.evaluate(
        """() => {
            const outer = document.activeElement;
            const e = outer.shadowRoot ? outer.shadowRoot.activeElement : outer;
            return e ? `${e.tagName.toLowerCase()}.${e.className}` : "none";
        }"""
    )
    return focused


def test_chat_button_on_a_site_not_allowed_offers_a_new_tab_with_the_focus_on_it(
    context: BrowserContext, sites: Sites
) -> None:
    page = context.new_page()
    warnings: list[str] = []
    page.on("console", lambda message: warnings.append(message.text))
    page.goto(f"{sites.refused}/widget")
    launcher = page.locator("verbatim-widget .launcher")
    launcher.focus()
    page.keyboard.press("Enter")
    link = page.locator("verbatim-widget .fallback a")
    link.wait_for()
    assert page.locator("verbatim-widget iframe").count() == 0
    assert (link.get_attribute("href") or "").startswith(f"{sites.chat}/embed?")
    assert link.get_attribute("target") == "_blank"
    assert link.inner_text() == "Open the chat in a new tab."
    assert any("VERBATIM_EMBED_ORIGINS" in text and sites.refused in text for text in warnings)
    # The refused frame had the focus; it went to the link, not to the host's <body>.
    assert _focused_in_widget(page) == "a."
    page.screenshot(path=screenshot_path("widget-refused-desktop"))

    page.keyboard.press("Escape")
    panel = page.locator("verbatim-widget .panel")
    expect(panel).to_be_hidden()
    assert _focused_in_widget(page) == "button.launcher"
    page.keyboard.press("Enter")  # opened again: straight to the link
    expect(panel).to_be_visible()
    assert _focused_in_widget(page) == "a."
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    assert _focused_in_widget(page) == "button.launcher"


def test_chat_button_refused_leaves_the_focus_where_the_visitor_moved_it(
    context: BrowserContext, sites: Sites
) -> None:
    page = context.new_page()
    page.goto(f"{sites.refused}/widget")
    page.locator("verbatim-widget .launcher").click()
    page.locator("#book").focus()  # the panel is not modal on a desktop: back to the page
    page.locator("verbatim-widget .fallback a").wait_for()
    assert page.evaluate("document.activeElement.id") == "book"


# --- the page itself ---


def disclaimer_in_full_view(page: Page | Frame) -> bool:
    """Whether the whole disclaimer is on screen: no ellipsis, nothing clipped or scrolled."""
    whole: bool = page.locator("#disclaimer").evaluate(
        """(e) => {
            const box = e.getBoundingClientRect();
            const style = getComputedStyle(e);
            return style.whiteSpace !== "nowrap" && style.textOverflow !== "ellipsis"
                && e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth + 1
                && box.top >= 0 && box.bottom <= innerHeight;
        }"""
    )
    return whole


@pytest.mark.parametrize(("width", "height"), [(360, 640), (390, 844), (1280, 800)])
def test_embed_is_compact_with_chips_and_the_whole_disclaimer_under_the_input(
    chromium: Browser, sites: Sites, width: int, height: int
) -> None:
    phone = width < 600
    context = chromium.new_context(
        viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone
    )
    page = context.new_page()
    problems = console_problems(page)
    page.goto(f"{sites.chat}/embed?title=Ask+the+clinic")
    assert page.locator("h1").inner_text() == "Ask the clinic"
    assert page.locator("h1").evaluate("e => e.getBoundingClientRect().height") > 10

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "log"  # reachable, to scroll it
    page.keyboard.press("Tab")
    chip = page.locator(".welcome .chip").first
    assert chip.evaluate("e => document.activeElement === e")
    assert page.locator(".welcome .chip").count() == 4
    example = chip.inner_text()
    page.keyboard.press("Enter")  # an example question is asked as it is
    page.locator(".answer:not([aria-busy]) .quote").first.wait_for()
    assert page.locator(".question").last.inner_text() == example

    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == "log"
    scrolled = "e => [e.scrollTop, e.scrollHeight - e.clientHeight]"
    top, bottom = page.locator(".log").evaluate(scrolled)
    if phone:  # the answer is taller than the log: part of it is out of view
        assert top > 0 and bottom > 100
    page.keyboard.press("Home")  # the keyboard scrolls the log back to the top
    page.wait_for_function("() => document.activeElement.scrollTop === 0")

    field = page.locator("#question").bounding_box()
    disclaimer = page.locator("#disclaimer")
    box = disclaimer.bounding_box()
    log = page.locator(".log").bounding_box()
    help_link = page.locator("#help-line").get_by_role("link", name="Call or text 988")
    crisis = help_link.bounding_box()
    assert field is not None and box is not None and log is not None and crisis is not None
    assert field["y"] + field["height"] <= box["y"] <= field["y"] + field["height"] + 12
    # Whatever was asked, the crisis line is on screen under the disclaimer, a target a
    # finger can hit: the crisis detector misses some messages.
    assert box["y"] + box["height"] <= crisis["y"] and crisis["y"] + crisis["height"] <= height
    assert crisis["height"] >= 24 and help_link.get_attribute("href") == "tel:988"
    # Read without a tap, "talk to your clinician" included; small enough to leave the chat
    # most of the frame.
    assert disclaimer.inner_text() == DEFAULT_DISCLAIMER
    assert disclaimer_in_full_view(page)
    assert lines_of_text(disclaimer) <= 3
    assert box["height"] <= 0.09 * height
    assert log["height"] >= 0.7 * height
    assert disclaimer.evaluate("e => e.tabIndex") == -1  # nothing to press: no extra Tab stop

    assert no_horizontal_scroll(page)
    assert problems == []
    page.screenshot(path=screenshot_path(f"embed-{width}x{height}"))
    context.close()


def test_a_clinics_long_disclaimer_scrolls_in_place_and_leaves_room_for_the_chat(
    phone: BrowserContext, sites: Sites
) -> None:
    page = phone.new_page()
    answer = {
        "id": "x1", "kind": "not_found", "message": "The article does not cover that.",
        "passages": [], "resources": [], "suggestions": [],
        "disclaimer": "General information only; not medical advice. " * 20,
    }  # fmt: skip
    page.route("**/api/ask", lambda route: route.fulfill(json=answer))
    page.goto(f"{sites.chat}/embed")
    assert disclaimer_in_full_view(page)  # the server's own disclaimer fits
    ask(page, "Who wrote this?")
    disclaimer = page.locator("#disclaimer")
    assert disclaimer.inner_text() == answer["disclaimer"].strip()
    box, log = disclaimer.bounding_box(), page.locator(".log").bounding_box()
    assert box is not None and log is not None
    assert box["height"] <= 0.3 * 640 + 1  # scrolls within at most 30% of the frame
    assert log["height"] >= 0.4 * 640
    page.screenshot(path=screenshot_path("embed-mobile-long-disclaimer"))


def wait_until_logged(sites: Sites, answer: dict[str, Any]) -> None:
    """Wait for the server to log an answer (it does so just after sending it)."""
    logbook = sites.app.state.logbook
    deadline = time.monotonic() + 5
    while answer["id"] not in {e.id for e in logbook.conversation(answer["conversation_id"])}:
        assert time.monotonic() < deadline, f"answer {answer['id']} was not logged"
        time.sleep(0.05)


def press_helpful(page: Page, feedback: Locator) -> None:
    """Click 👍 under an answer; the API stores it and the thumb shows pressed."""
    up = feedback.get_by_role("button", name="Yes, helpful")
    with page.expect_response("**/api/feedback") as rated:
        up.click()
    assert rated.value.status == 204
    feedback.get_by_text("Thank you.").wait_for()
    assert up.get_attribute("aria-pressed") == "true"


def test_feedback_buttons_reach_the_real_api(context: BrowserContext, sites: Sites) -> None:
    page = context.new_page()
    page.goto(f"{sites.chat}/embed")
    logbook = sites.app.state.logbook

    with page.expect_response("**/api/ask") as asked:
        ask(page, "What is CBT?")
    liked = asked.value.json()
    wait_until_logged(sites, liked)
    feedback = last_answer(page).locator(".feedback")
    press_helpful(page, feedback)
    stored = logbook.entry(liked["id"]).feedback
    assert stored is not None and stored.rating == Rating.UP

    with page.expect_response("**/api/ask") as asked:
        ask(page, "What is ketamine?")
    disliked = asked.value.json()
    wait_until_logged(sites, disliked)
    feedback = last_answer(page).locator(".feedback")
    feedback.get_by_role("button", name="No, not helpful").click()
    comment = feedback.get_by_role("textbox", name="What was missing or wrong? (optional)")
    comment.fill("I wanted to know the cost")
    with page.expect_response("**/api/feedback") as commented:
        comment.press("Enter")
    assert commented.value.status == 204
    feedback.get_by_text("Thank you for telling us.").wait_for()
    stored = logbook.entry(disliked["id"]).feedback
    assert stored is not None
    assert (stored.rating, stored.comment) == (Rating.DOWN, "I wanted to know the cost")
    first = logbook.entry(liked["id"]).feedback
    assert first is not None and first.rating == Rating.UP  # the first answer's stays

    # A slip of the thumb can be put right: the latest rating wins, its comment box goes.
    press_helpful(page, feedback)
    down = feedback.get_by_role("button", name="No, not helpful")
    assert down.get_attribute("aria-pressed") == "false"
    assert feedback.locator(".thanks").count() == 1
    stored = logbook.entry(disliked["id"]).feedback
    assert stored is not None and (stored.rating, stored.comment) == (Rating.UP, "")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_embed_at_360_by_640_has_no_horizontal_scroll(
    phone: BrowserContext, sites: Sites, theme: str
) -> None:
    page = phone.new_page()
    page.goto(f"{sites.chat}/embed?theme={theme}&accent=%23aa0077")
    assert no_horizontal_scroll(page)
    ask(page, "Which antidepressants are used for chronic pain?")
    ask(page, "What are the side effects of ketamine?")
    assert no_horizontal_scroll(page)
    send = page.locator(".send").evaluate("e => getComputedStyle(e).backgroundColor")
    assert send == "rgb(170, 0, 119)"
    page.screenshot(path=screenshot_path(f"embed-mobile-{theme}"))
    page.locator(".log").evaluate("e => { e.scrollTop = 0; }")
    page.screenshot(path=screenshot_path(f"embed-mobile-{theme}-top"))


def test_crisis_resources_come_first_as_links(context: BrowserContext, sites: Sites) -> None:
    page = context.new_page()
    page.goto(f"{sites.chat}/embed")
    ask(page, "I don't want to live anymore")
    answer = last_answer(page)
    first = answer.locator(":scope > *").first
    assert first.get_attribute("class") == "crisis"
    assert first.get_attribute("role") == "alert"
    links = first.locator(":scope > .resources a")
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [
        "tel:988",
        "https://988lifeline.org",
        "tel:911",
    ]
    assert "Call or text 988" in links.first.inner_text()
    assert answer.locator(".feedback").count() == 0
    page.screenshot(path=screenshot_path("embed-crisis-desktop"))


def test_a_crisis_reply_of_the_net_shows_the_resources_then_the_quotes(
    context: BrowserContext, sites: Sites
) -> None:
    page = context.new_page()
    passage = {
        "quote": "CBT can reduce catastrophizing.", "highlight": "CBT can reduce catastrophizing.",
        "section": "Talk Therapy", "source": "Chronic pain", "start": 0, "end": 31, "score": 0.5,
    }  # fmt: skip
    answer = {
        "id": "x2", "kind": "crisis", "message": "We care. Please reach out.",
        "passages": [passage], "suggestions": [], "disclaimer": "Quotes, not advice.",
        "resources": [{"name": "988 Lifeline", "contact": "Call or text 988", "url": "tel:988"}],
    }  # fmt: skip
    page.route("**/api/ask", lambda route: route.fulfill(json=answer))
    page.goto(f"{sites.chat}/embed")
    ask(page, "does CBT help? i have been giving my things away")
    parts = last_answer(page).locator(":scope > *")
    classes = [parts.nth(i).get_attribute("class") for i in range(parts.count())]
    assert classes[0] == "crisis" and classes[1] == "lead" and "quote" in classes[2]
    assert "article says" in parts.nth(1).inner_text()
    assert "CBT can reduce catastrophizing." in parts.nth(2).inner_text()
    assert last_answer(page).locator(".feedback").count() == 0  # no rating asked for


def test_feedback_and_conversation_id_are_sent(context: BrowserContext, sites: Sites) -> None:
    page = context.new_page()
    asked: list[dict[str, Any]] = []
    rated: list[dict[str, Any]] = []
    page.on(
        "request",
        lambda r: asked.append(json.loads(r.post_data or "{}")) if r.url.endswith("/ask") else None,
    )

    def record(route: Intercepted) -> None:
        rated.append(json.loads(route.request.post_data or "{}"))
        route.fulfill(status=204)

    page.route("**/api/feedback", record)
    page.goto(f"{sites.chat}/embed")
    ask(page, "What is CBT?")
    ask(page, "What is ketamine?")
    ids = {a["conversation_id"] for a in asked}
    assert len(ids) == 1 and UUID4.match(ids.pop())  # one random id for the page's chat

    with page.expect_response("**/api/ask") as first:
        page.reload()
        ask(page, "What is CBT?")
    answer_id = first.value.json()["id"]
    assert asked[-1]["conversation_id"] != asked[0]["conversation_id"]  # new page, new chat

    feedback = last_answer(page).locator(".feedback")
    feedback.get_by_role("button", name="No, not helpful").click()
    comment = feedback.get_by_role("textbox", name="What was missing or wrong? (optional)")
    assert comment.evaluate("e => document.activeElement === e")
    comment.fill("I wanted to know the cost")
    comment.press("Enter")
    feedback.get_by_text("Thank you for telling us.").wait_for()
    page.screenshot(path=screenshot_path("embed-feedback-desktop"))
    assert rated == [
        {"answer_id": answer_id, "rating": "down"},
        {"answer_id": answer_id, "rating": "down", "comment": "I wanted to know the cost"},
    ]


def test_feedback_failing_stays_quiet(context: BrowserContext, sites: Sites) -> None:
    page = context.new_page()
    page.route("**/api/feedback", lambda route: route.fulfill(status=404))
    page.goto(f"{sites.chat}/embed")
    ask(page, "What is CBT?")
    up = last_answer(page).get_by_role("button", name="Yes, helpful")
    with page.expect_response("**/api/feedback"):
        up.click()
    page.wait_for_function("() => !document.querySelector('.feedback button').disabled")
    assert up.get_attribute("aria-pressed") == "false"
    assert page.locator(".thanks").count() == 0
    assert page.locator("#notice").inner_text() == ""


def test_friendly_messages_for_empty_input_and_network_failure(
    context: BrowserContext, sites: Sites
) -> None:
    page = context.new_page()
    page.goto(f"{sites.chat}/embed")
    page.locator("#question").press("Enter")
    assert page.locator("#notice").inner_text() == "Please type a question first."

    page.route("**/api/ask", lambda route: route.abort())
    page.locator("#question").fill("What is CBT?")
    page.locator("#question").press("Enter")
    page.get_by_text("the chat could not be reached").wait_for()
    assert page.locator("#question").input_value() == "What is CBT?"  # kept to try again
    assert page.locator(".turn").count() == 0

    page.unroute("**/api/ask")
    page.route("**/api/ask", lambda route: route.fulfill(status=500, body="boom"))
    page.locator("#question").press("Enter")
    page.get_by_text("something went wrong on our side").wait_for()
    assert "boom" not in page.locator("body").inner_text()


def test_answer_text_is_shown_as_text_never_as_markup(
    context: BrowserContext, sites: Sites
) -> None:
    page = context.new_page()
    hostile = {
        "id": "x1",
        "kind": "answer",
        "message": "<img src=x onerror=alert(1)>",
        "passages": [
            {
                "quote": "Before <b>bold</b> the highlighted sentence. After.",
                "highlight": "the highlighted sentence.",
                "section": "<i>Section</i>",
                "source": "Article",
                "start": 0,
                "end": 10,
                "score": 0.5,
            }
        ],
        "resources": [],
        "suggestions": [],
        "disclaimer": "General information only.",
    }
    page.route("**/api/ask", lambda route: route.fulfill(json=hostile))
    dialogs: list[str] = []

    def record(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    page.goto(f"{sites.chat}/embed")
    question = "<img src=y onerror=alert(2)><b>bold?</b>"
    ask(page, question)
    assert page.locator(".question").last.inner_text() == question  # the visitor's own words
    assert page.locator(".turn img, .turn b").count() == 0
    answer = last_answer(page)
    assert answer.locator("img, b, i").count() == 0
    assert answer.locator(".lead").inner_text() == "<img src=x onerror=alert(1)>"
    assert answer.locator("mark").inner_text() == "the highlighted sentence."
    assert answer.locator(".section").inner_text() == "<i>Section</i>"
    assert page.locator("#disclaimer").inner_text() == "General information only."
    assert dialogs == []


def test_demo_page_shows_both_snippets_and_both_work(context: BrowserContext, sites: Sites) -> None:
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None
    )
    page.goto(f"{sites.chat}/embed-demo")
    widget_code = page.locator("#widget-snippet").inner_text()
    assert widget_code.startswith(f'<script src="{sites.chat}/widget.js"')
    assert (
        page.locator("#frame-snippet").inner_text().startswith(f'<iframe src="{sites.chat}/embed?')
    )

    preview = page.frame_locator("iframe.preview")
    ask(preview, "What is CBT?")  # the iframe snippet, live
    page.locator("verbatim-widget .launcher").click()  # the script snippet, live
    widget = page.frame_locator("verbatim-widget iframe")
    ask(widget, "What is ketamine?")
    assert widget.locator(".quote").count() >= 1
    # The page's own strict policy (no inline style or script) did not block the widget.
    assert (
        page.locator("verbatim-widget .launcher").evaluate("e => getComputedStyle(e).position")
        == "fixed"
    )
    assert problems == []
    page.screenshot(path=screenshot_path("embed-demo-desktop"), full_page=True)
