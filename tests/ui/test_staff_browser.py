"""The staff console in Debian's Chromium: sign in, open a conversation, label it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest
from playwright.sync_api import expect

from retrieval.answerer import Answerer
from tests.browser import screenshot_path, serve
from ui.api import create_app
from ui.settings import Settings

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PASSWORD = "a long staff password"


@pytest.mark.browser
def test_staff_signs_in_labels_an_answer_and_sees_the_label(
    chromium: Browser, answerer: Answerer, tmp_path: Path
) -> None:
    app = create_app(Settings(data_dir=tmp_path, staff_password=PASSWORD), answerer=answerer)
    with serve(app) as base:
        asked = httpx.post(f"{base}/api/ask", json={"question": "how fast does ketamine work?"})
        answer_id = asked.json()["id"]
        page = chromium.new_page(viewport={"width": 1200, "height": 900})
        try:
            page.goto(f"{base}/staff")
            assert page.url.endswith("/staff/sign-in")
            page.fill("#password", PASSWORD)
            page.click("text=Sign in")
            page.click("text=how fast does ketamine work?")
            card = page.locator(f"#answer-{answer_id}")
            assert "relief within hours or days" in card.inner_text()
            card.locator("select[name=verdict]").select_option("wrong_passage")
            card.locator("select[name=passage_id]").select_option(index=3)
            card.locator("text=Save label").click()
            label = page.locator(f"#answer-{answer_id} [data-label]")
            assert label.get_attribute("data-label") == "wrong_passage"
            page.screenshot(path=str(screenshot_path("staff-conversation")), full_page=True)
            page.click("text=Conversations")
            row = page.locator("tr", has_text="how fast does ketamine work?")
            assert "wrong passage" in row.inner_text()
            page.screenshot(path=str(screenshot_path("staff-console")), full_page=True)
        finally:
            page.close()


def _no_horizontal_scroll(page: Page) -> bool:
    wide: bool = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    return wide


@pytest.mark.browser
def test_on_a_phone_long_text_wraps_and_a_label_not_saved_says_why_beside_its_form(
    chromium: Browser, answerer: Answerer, tmp_path: Path
) -> None:
    app = create_app(Settings(data_dir=tmp_path, staff_password=PASSWORD), answerer=answerer)
    question, comment = "Q" * 999, "C" * 1000  # no space anywhere to wrap at
    with serve(app) as base:
        long = httpx.post(f"{base}/api/ask", json={"question": question}).json()
        feedback = {"answer_id": long["id"], "rating": "down", "comment": comment}
        assert httpx.post(f"{base}/api/feedback", json=feedback).status_code == 204
        asked = httpx.post(f"{base}/api/ask", json={"question": "how fast does ketamine work?"})
        answer_id = asked.json()["id"]
        context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
        page = context.new_page()
        try:
            page.goto(f"{base}/staff")
            page.fill("#password", PASSWORD)
            page.click("text=Sign in")
            page.wait_for_url(f"{base}/staff")
            for path in ("/staff", f"/staff/conversations/{long['conversation_id']}",
                         "/staff/gaps", "/staff/quality"):  # fmt: skip
                page.goto(base + path)
                assert _no_horizontal_scroll(page), path
            page.goto(f"{base}/staff")
            assert "Q" * 199 + "…" in page.locator("tbody").inner_text()
            thumb = page.locator("tr", has_text="QQQ").locator(".rating svg")
            box = thumb.bounding_box()  # drawn, so never an empty box for want of a font
            assert box is not None and 10 < box["width"] < 20
            page.screenshot(path=str(screenshot_path("staff-phone-long-question")))

            page.goto(f"{base}/staff/conversations/{asked.json()['conversation_id']}")
            card = page.locator(f"#answer-{answer_id}")
            verdict = card.locator("select[name=verdict]")
            assert verdict.input_value() == ""  # nothing chosen for staff
            card.locator("text=Save label").click()  # the browser asks for a verdict first
            assert not verdict.evaluate("e => e.validity.valid")
            assert "/label" not in page.url
            verdict.select_option("wrong_passage")  # but no passage picked
            card.locator("text=Save label").click()
            error = card.locator(".review .error")
            expect(error).to_contain_text("“wrong passage” needs the right passage")
            assert page.url.endswith(f"/staff/answers/{answer_id}/label#review-{answer_id}")
            assert card.locator(".review").evaluate("e => e.matches(':target')")  # outlined
            assert error.evaluate(
                "e => { const r = e.getBoundingClientRect(); return r.top >= 0"
                " && r.bottom <= innerHeight; }"
            )  # in view without scrolling
            assert verdict.input_value() == "wrong_passage"  # kept, to add the passage
            assert "relief within hours or days" in card.inner_text()
            assert _no_horizontal_scroll(page)
            page.screenshot(path=str(screenshot_path("staff-phone-label-error")))
            card.locator("select[name=passage_id]").select_option(index=3)
            card.locator("text=Save label").click()
            page.wait_for_url(f"**/staff/conversations/**#answer-{answer_id}")
            saved = page.locator(f"#answer-{answer_id} [data-label]")
            assert saved.get_attribute("data-label") == "wrong_passage"
            assert page.locator(f"#answer-{answer_id} .review .error").count() == 0
        finally:
            context.close()
