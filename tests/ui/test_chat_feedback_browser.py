"""👍/👎 in the Gradio chat, in Debian's Chromium: the thumbs under an answer reach the log."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from retrieval.answerer import Answerer
from tests.browser import screenshot_path, serve
from ui.api import create_app
from ui.logbook import Entry, Filters, Logbook
from ui.settings import Settings

if TYPE_CHECKING:
    from playwright.sync_api import Browser

# The reply is shown with its thumbs, and the chat has finished its turn (the box is enabled
# again): a click before that may be lost while Gradio renders the turn.
IDLE = """n => document.querySelectorAll('button[aria-label=Dislike]').length >= n
    && [...document.querySelectorAll('textarea')].every(t => !t.disabled)"""


def _until(check: Callable[[], bool], timeout: float = 10) -> None:
    """Wait for the chat's event to reach the server (it answers the browser asynchronously)."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("the chat's feedback did not reach the log")
        time.sleep(0.1)


@pytest.mark.browser
def test_thumbs_under_each_answer_are_logged_with_a_comment_after_thumbs_down(
    chromium: Browser, answerer: Answerer, tmp_path: Path
) -> None:
    app = create_app(Settings(data_dir=tmp_path), answerer=answerer)
    logbook = Logbook(f"sqlite:///{tmp_path / 'verbatim.db'}")

    def logged() -> dict[str, Entry]:
        return {e.question: e for e in logbook.entries(Filters(), limit=None)}

    with serve(app) as base:
        page = chromium.new_page(viewport={"width": 1000, "height": 900})
        try:
            page.goto(f"{base}/")
            box = page.get_by_role("textbox", name="Your question")
            for question, shown in (
                ("What is CBT?", "Cognitive Behavioral Therapy"),
                ("what is catastrophizing?", "catastrophizing"),
            ):
                box.fill(question)
                box.press("Enter")
                page.wait_for_function(IDLE, arg=2 if "catas" in question else 1, timeout=30_000)
                assert shown in page.locator(".bot").last.inner_text()
            comment = page.get_by_label("What was wrong?", exact=False)
            assert not comment.is_visible()

            page.get_by_role("button", name="Like", exact=True).first.click()  # on the first answer
            _until(lambda: logged()["What is CBT?"].feedback is not None)
            assert not comment.is_visible()
            page.get_by_role("button", name="Dislike", exact=True).nth(1).click()  # on the second
            comment.wait_for(state="visible")
            comment.fill("I meant in children")
            page.get_by_role("button", name="Send comment").click()
            comment.wait_for(state="hidden")
            _until(lambda: bool((f := logged()["what is catastrophizing?"].feedback) and f.comment))
            page.screenshot(path=str(screenshot_path("chat-feedback")), full_page=True)

            entries = logged()
            first, second = entries["What is CBT?"], entries["what is catastrophizing?"]
            assert first.feedback is not None and first.feedback.rating.value == "up"
            assert second.feedback is not None and second.feedback.rating.value == "down"
            assert second.feedback.comment == "I meant in children"
            assert first.conversation_id == second.conversation_id

            page.get_by_role(
                "button", name="Liked", exact=True
            ).click()  # clicked again: taken back
            _until(lambda: logged()["What is CBT?"].feedback is None)
        finally:
            page.close()
            logbook.close()
