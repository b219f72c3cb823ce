"""/embed, /widget.js and /embed-demo over HTTP: who may frame what, options, caching."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from retrieval.answerer import Answerer
from tests import browser
from ui.api import create_app
from ui.embed import (
    DEFAULT_ACCENT,
    frame_snippet,
    parse_accent,
    read_options,
    text_colour_on,
    widget_snippet,
)
from ui.framing import frame_ancestors, parse_origins, secure_headers
from ui.settings import Settings

ALLOWED = "https://clinic.example, http://127.0.0.1:8123"


@pytest.fixture(scope="module")
def client(answerer: Answerer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("data"),
        embed_origins=ALLOWED,
        staff_password="a staff password",  # so that /staff pages are really served
    )
    with TestClient(create_app(settings, answerer=answerer)) as test_client:
        yield test_client


# --- the origin setting -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", ()),
        (" , ", ()),
        ("https://clinic.example", ("https://clinic.example",)),
        ("https://Clinic.Example/", ("https://clinic.example",)),
        ("http://127.0.0.1:8123", ("http://127.0.0.1:8123",)),
        ("http://[::1]:8000", ("http://[::1]:8000",)),
        (
            "https://a.example, https://www.a.example,https://a.example",
            ("https://a.example", "https://www.a.example"),
        ),
    ],
)
def test_origins_are_parsed_and_normalised(value: str, expected: tuple[str, ...]) -> None:
    assert parse_origins(value) == expected


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("*", "wildcards"),
        ("https://*.clinic.example", "wildcards"),
        ("clinic.example", "scheme"),
        ("ftp://clinic.example", "scheme"),
        ("https://clinic.example/chat", "path"),
        ("https://clinic.example?x=1", "query"),
        ("https://clinic.example:99999", "port"),
        ("https://user@clinic.example", "host"),
        ("https://clinic.example; script-src *", "wildcards"),
        ("'self'", "wildcards"),
        ("https://", "host"),
    ],
)
def test_bad_origins_are_refused_naming_the_value(value: str, why: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(value.split(",")[0].strip()))) as info:
        parse_origins(value)
    assert why in str(info.value)


def test_settings_refuse_a_wildcard_origin_at_start_up() -> None:
    with pytest.raises(ValueError, match=r"VERBATIM_EMBED_ORIGINS: '\*' is not an origin"):
        Settings(embed_origins="*")


def test_settings_read_origins_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERBATIM_EMBED_ORIGINS", "https://clinic.example,http://localhost:3000")
    assert Settings().embed_origin_list == ("https://clinic.example", "http://localhost:3000")


# --- the framing policy, on tiny inputs ----------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/embed", "frame-ancestors 'self' https://a.example"),
        ("/embed/static/embed.js", "frame-ancestors 'self' https://a.example"),
        ("/embed/", "frame-ancestors 'none'"),
        ("/embed/other", "frame-ancestors 'none'"),
        ("/embed-demo", "frame-ancestors 'none'"),
        ("/embedded", "frame-ancestors 'none'"),
        ("/", "frame-ancestors 'none'"),
        ("/docs", "frame-ancestors 'none'"),
        ("/staff", "frame-ancestors 'none'"),
        ("/api/ask", "frame-ancestors 'none'"),
    ],
)
def test_only_the_embed_may_be_framed(path: str, expected: str) -> None:
    assert frame_ancestors(path, ("https://a.example",)) == expected


def test_without_origins_only_this_server_may_frame_the_embed() -> None:
    assert frame_ancestors("/embed", ()) == "frame-ancestors 'self'"


def test_a_page_policy_is_extended_not_duplicated() -> None:
    headers = secure_headers([(b"content-security-policy", b"script-src 'self';")], "/", ())
    policies = [v for k, v in headers if k == b"content-security-policy"]
    assert policies == [b"script-src 'self'; frame-ancestors 'none'"]
    assert (b"x-frame-options", b"DENY") in headers


def test_the_embed_is_not_sent_deny() -> None:
    headers = dict(secure_headers([], "/embed", ("https://a.example",)))
    assert b"x-frame-options" not in headers
    assert headers[b"content-security-policy"] == b"frame-ancestors 'self' https://a.example"


# --- the headers the server really sends ---------------------------------------------------


def test_embed_may_be_framed_by_the_allowed_origins(client: TestClient) -> None:
    response = client.get("/embed")
    assert response.status_code == 200
    assert "x-frame-options" not in response.headers
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'self' https://clinic.example http://127.0.0.1:8123" in policy
    assert "script-src 'self';" in policy  # no inline script may run
    assert "unsafe-inline" not in policy


def test_embed_assets_may_be_framed_too(client: TestClient) -> None:
    page = client.get("/embed").text
    for asset in re.findall(r'(?:src|href)="(/embed/static/[^"]+)"', page):
        response = client.get(asset)
        assert response.status_code == 200
        assert (
            "frame-ancestors 'self' https://clinic.example"
            in (response.headers["content-security-policy"])
        )
        assert response.headers["cache-control"] == "public, max-age=31536000, immutable"


@pytest.mark.parametrize(
    "path",
    ["/", "/docs", "/embed-demo", "/api/health", "/staff", "/staff/sign-in", "/embed/x", "/nope"],
)
def test_every_other_page_is_denied_framing(client: TestClient, path: str) -> None:
    response = client.get(path, follow_redirects=False)
    assert response.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_embed_sets_no_cookie_and_needs_none(client: TestClient) -> None:
    page = client.get("/embed")
    answer = client.post(
        "/api/ask", json={"question": "What is CBT?"}, headers={"origin": "https://x.example"}
    )
    assert "set-cookie" not in page.headers
    assert "set-cookie" not in answer.headers
    assert answer.json()["kind"] == "answer"


def test_embed_page_runs_no_inline_script_and_loads_nothing_from_outside(
    client: TestClient,
) -> None:
    page = client.get("/embed").text
    assert not re.search(r"<script(?![^>]*\bsrc=)", page)
    assert not re.search(r"\son[a-z]+=", page)  # no inline event handlers either
    # Links a visitor may follow (the crisis line) load nothing; everything else is loaded.
    for url in re.findall(r'<(?!a\s)[^>]*\b(?:src|href)="([^"]+)"', page):
        assert url.startswith("/embed/static/"), url


def test_inline_style_carries_the_nonce_of_the_policy(client: TestClient) -> None:
    response = client.get("/embed")
    nonce = re.search(r"'nonce-([^']+)'", response.headers["content-security-policy"])
    assert nonce is not None
    assert f'<style nonce="{nonce.group(1)}">' in response.text
    assert (
        client.get("/embed").headers["content-security-policy"]
        != (response.headers["content-security-policy"])
    )


def test_the_whole_disclaimer_is_text_on_the_page_not_a_control_to_open(
    client: TestClient,
) -> None:
    page = client.get("/embed").text
    disclaimer = re.search(r'<p class="disclaimer" id="disclaimer">([^<]*)</p>', page)
    assert disclaimer is not None
    assert "not medical advice: talk to your clinician" in disclaimer.group(1)
    assert "aria-expanded" not in page


def help_line(page: str) -> str:
    """The crisis line of an /embed page, its whitespace collapsed."""
    line = re.search(r'<p class="help-line" id="help-line">(.*?)</p>', page, re.S)
    assert line is not None, "no crisis line on the page"
    return " ".join(line.group(1).split())


def test_the_first_crisis_line_is_always_a_tap_away(client: TestClient) -> None:
    page = client.get("/embed").text
    line = 'Thinking about suicide or self-harm? <a href="tel:988">Call or text 988</a>'
    assert help_line(page) == line
    assert page.index('id="disclaimer"') < page.index('id="help-line"')  # under the input


@pytest.mark.parametrize(
    ("resource", "expected"),
    [
        (
            {"name": "Samaritans", "contact": "Call 116 123", "url": "tel:116123"},
            '<a href="tel:116123">Call 116 123</a>',
        ),
        (  # a web page opens beside the chat: it may refuse to be framed
            {
                "name": "<script>alert(1)</script>",
                "contact": 'Text <b>HOME</b> & "talk"',
                "url": 'https://help.example/chat?a=1&b="2"',
            },
            '<a href="https://help.example/chat?a=1&amp;b=&#34;2&#34;" target="_blank"'
            ' rel="noopener noreferrer">Text &lt;b&gt;HOME&lt;/b&gt; &amp; &#34;talk&#34;</a>',
        ),
        ({"name": "Front desk", "contact": "Ask at the desk", "url": ""}, "Ask at the desk"),
    ],
)
def test_the_crisis_line_is_the_clinics_first_resource_escaped(
    answerer: Answerer, tmp_path: Path, resource: dict[str, str], expected: str
) -> None:
    others = [{"name": "Emergency", "contact": "Call 999", "url": "tel:999"}]
    settings = Settings(data_dir=tmp_path, crisis_resources=json.dumps([resource, *others]))
    with TestClient(create_app(settings, answerer=answerer)) as clinic:
        page = clinic.get("/embed").text
    assert help_line(page) == f"Thinking about suicide or self-harm? {expected}"
    assert "988" not in page and "<b>HOME" not in page and "<script>alert" not in page


HEAD_PATHS = ["/embed", "/widget.js", "/embed/static/embed.css", "/embed-demo"]


@pytest.mark.parametrize("path", HEAD_PATHS)
def test_head_is_answered_like_get_for_link_checkers(client: TestClient, path: str) -> None:
    got, head = client.get(path), client.head(path)
    assert head.status_code == 200
    for name in ("content-type", "content-length", "cache-control", "etag", "x-frame-options"):
        assert head.headers.get(name) == got.headers.get(name), name
    policy = head.headers["content-security-policy"]
    assert (
        policy.split("frame-ancestors")[1]
        == got.headers["content-security-policy"].split("frame-ancestors")[1]
    )


# --- query options ---------------------------------------------------------------------------


def test_options_theme_accent_and_title_are_applied(client: TestClient) -> None:
    page = client.get("/embed", params={"theme": "dark", "accent": "#0a7", "title": "Ask us"}).text
    assert 'data-theme="dark"' in page
    assert "--accent: #00aa77;" in page
    assert "<title>Ask us</title>" in page
    assert 'data-problems=""' in page


def test_title_is_escaped(client: TestClient) -> None:
    page = client.get("/embed", params={"title": '<script>alert(1)</script>"'}).text
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34;" in page


@pytest.mark.parametrize(
    "accent", ["red", "#12345", "#0a7;}body{display:none", "url(x)", "#gggggg", "</style>"]
)
def test_a_bad_accent_falls_back_and_is_not_reflected(client: TestClient, accent: str) -> None:
    page = client.get("/embed", params={"accent": accent}).text
    assert f"--accent: {DEFAULT_ACCENT};" in page
    style = re.search(r"<style[^>]*>(.*?)</style>", page, re.S)
    assert style is not None and accent not in style.group(1)
    assert "is not a hex colour" in page  # named for the web team (the script warns)


@pytest.mark.parametrize(
    ("query", "theme", "accent", "title", "problems"),
    [
        ({}, "light", DEFAULT_ACCENT, "Default", 0),
        ({"theme": "DARK"}, "dark", DEFAULT_ACCENT, "Default", 0),
        ({"theme": "neon"}, "light", DEFAULT_ACCENT, "Default", 1),
        ({"accent": "0A7"}, "light", "#00aa77", "Default", 0),
        ({"accent": "#AbCdEf"}, "light", "#abcdef", "Default", 0),
        ({"title": "  Ask\n\tus  "}, "light", DEFAULT_ACCENT, "Ask us", 0),
        ({"title": "   "}, "light", DEFAULT_ACCENT, "Default", 0),
        ({"title": "x" * 200}, "light", DEFAULT_ACCENT, "x" * 79 + "…", 1),
    ],
)
def test_read_options(
    query: dict[str, str], theme: str, accent: str, title: str, problems: int
) -> None:
    options = read_options(query, default_title="Default")
    assert (options.theme, options.accent, options.title) == (theme, accent, title)
    assert len(options.problems) == problems


@pytest.mark.parametrize(
    ("value", "expected"),
    [("#0a7", "#00aa77"), ("0b6e6e", "#0b6e6e"), ("#FFF", "#ffffff"), ("#12", None), ("", None)],
)
def test_parse_accent(value: str, expected: str | None) -> None:
    assert parse_accent(value) == expected


@pytest.mark.parametrize(
    ("accent", "text"),
    [
        ("#000000", "#ffffff"),
        ("#0b6e6e", "#ffffff"),
        ("#ffffff", "#111111"),
        ("#ffdd00", "#111111"),
    ],
)
def test_text_on_the_accent_is_readable(accent: str, text: str) -> None:
    assert text_colour_on(accent) == text


# --- /widget.js and /embed-demo ----------------------------------------------------------------


def test_widget_script_is_loadable_from_any_origin_and_cached(client: TestClient) -> None:
    response = client.get("/widget.js", headers={"origin": "https://elsewhere.example"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["access-control-allow-origin"] == "*"
    assert response.headers["cross-origin-resource-policy"] == "cross-origin"
    assert "max-age=3600" in response.headers["cache-control"]
    assert "document.currentScript" in response.text
    again = client.get("/widget.js", headers={"if-none-match": response.headers["etag"]})
    assert again.status_code == 304
    assert again.content == b""


def test_stale_or_unknown_assets(client: TestClient) -> None:
    assert client.get("/embed/static/embed.js?v=old").headers["cache-control"] == "no-cache"
    assert client.get("/embed/static/secrets.py").status_code == 404
    assert client.get("/embed/static/..%2Fembed.py").status_code == 404


def test_demo_shows_both_snippets_with_this_servers_address(client: TestClient) -> None:
    page = client.get("/embed-demo").text
    base, title = "http://testserver", "Ask about chronic pain, depression and ketamine therapy"
    assert str(escape(widget_snippet(base, title=title))) in page
    assert str(escape(frame_snippet(base, title=title))) in page
    assert '<script src="/widget.js"' in page  # the widget is live on the page
    assert "<code>https://clinic.example</code>" in page  # the allowed sites are listed


def test_snippets() -> None:
    assert widget_snippet("https://chat.example", title='A "B"') == (
        '<script src="https://chat.example/widget.js" data-title="A &quot;B&quot;"'
        f' data-accent="{DEFAULT_ACCENT}" data-position="right" defer></script>'
    )
    frame = frame_snippet("https://chat.example", title="Ask & see")
    assert 'src="https://chat.example/embed?title=Ask+%26+see&amp;accent=%230b6e6e"' in frame
    assert 'title="Ask &amp; see"' in frame


# --- the browser tests' guard ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ci", "outcome"), [("1", pytest.fail.Exception), ("", pytest.skip.Exception)]
)
def test_browser_tests_fail_in_ci_without_chromium(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ci: str, outcome: type[BaseException]
) -> None:
    monkeypatch.setattr(browser, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="no-chromium is missing"):
        browser.require_chromium()
