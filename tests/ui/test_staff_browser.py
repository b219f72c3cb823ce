"""The staff console in Debian's Chromium: sign in, open a conversation, label it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

from retrieval.answerer import Answerer
from tests.browser import screenshot_path, serve
from ui.api import create_app
from ui.settings import Settings

if TYPE_CHECKING:
    from playwright.sync_api import Browser

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
