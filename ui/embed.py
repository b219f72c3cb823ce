"""The chat for other websites: ``/embed`` (to frame), ``/widget.js`` (a chat button) and
``/embed-demo`` (both snippets, live).

``/embed`` is a small server-rendered page whose script calls ``POST /api/ask``: no cookie, no
login, nothing fetched from elsewhere, and a strict Content-Security-Policy (no inline script).
"""

from __future__ import annotations

import hashlib
import html
import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from retrieval.answer import HELP_PROMPT, Resource

HERE = Path(__file__).parent
THEMES = ("light", "dark")
DEFAULT_ACCENT = "#0b6e6e"
MAX_TITLE_CHARS = 80
_HEX = re.compile(r"#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
# Versioned URLs never change content: a browser may keep them for a year.
IMMUTABLE = "public, max-age=31536000, immutable"
# /widget.js is pasted into other sites under a fixed URL: cache briefly, then revalidate.
WIDGET_CACHE = "public, max-age=3600, stale-while-revalidate=86400"
EMBED_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'nonce-{nonce}'; "
    "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"
)
DEMO_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "frame-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"
)


@dataclass(frozen=True)
class EmbedOptions:
    """How a site wants the embedded chat to look; ``problems`` name the values ignored."""

    theme: str
    accent: str
    on_accent: str
    title: str
    problems: tuple[str, ...] = ()


def parse_accent(value: str) -> str | None:
    """A hex colour as ``#rrggbb`` (``#0a7`` → ``#00aa77``), or None if it is not one."""
    match = _HEX.fullmatch(value.strip())
    if not match:
        return None
    digits = match.group(1).lower()
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits


def text_colour_on(accent: str) -> str:
    """Black or white, whichever reads better on ``accent`` (WCAG contrast)."""
    channels = [int(accent[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#ffffff" if (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / 0.05) else "#111111"


def read_options(query: Mapping[str, str], *, default_title: str) -> EmbedOptions:
    """The options of ``?theme=&accent=&title=``; a bad value falls back to the default
    (the chat must still work for patients) and is named in ``problems`` for the web team."""
    problems = []
    theme = query.get("theme", "light").strip().lower() or "light"
    if theme not in THEMES:
        problems.append(f"theme={theme[:40]!r} is not light or dark")
        theme = "light"
    accent = parse_accent(query.get("accent", DEFAULT_ACCENT))
    if accent is None:
        problems.append(f"accent={query['accent'][:40]!r} is not a hex colour like #0a7")
        accent = DEFAULT_ACCENT
    title = " ".join(_CONTROL.sub(" ", query.get("title", "")).split())
    if len(title) > MAX_TITLE_CHARS:
        problems.append(f"title is longer than {MAX_TITLE_CHARS} characters")
        title = title[: MAX_TITLE_CHARS - 1].rstrip() + "…"
    on_accent = text_colour_on(accent)
    return EmbedOptions(theme, accent, on_accent, title or default_title, tuple(problems))


def embed_src(base: str, *, title: str, accent: str = DEFAULT_ACCENT) -> str:
    """The address of the embedded chat on the server at ``base``, with its options."""
    return f"{base}/embed?" + urlencode({"title": title, "accent": accent})


def widget_snippet(base: str, *, title: str, accent: str = DEFAULT_ACCENT) -> str:
    """The one script tag a web team pastes to add the chat button."""
    return (
        f'<script src="{base}/widget.js" data-title="{html.escape(title)}"'
        f' data-accent="{accent}" data-position="right" defer></script>'
    )


def frame_snippet(base: str, *, title: str, accent: str = DEFAULT_ACCENT) -> str:
    """The iframe a web team pastes to show the chat inside a page."""
    src = html.escape(embed_src(base, title=title, accent=accent))
    return (
        f'<iframe src="{src}" title="{html.escape(title)}" width="400" height="600"'
        ' style="border: 1px solid #d8dde3; border-radius: 8px; max-width: 100%"'
        ' loading="lazy"></iframe>'
    )


@dataclass(frozen=True)
class Asset:
    """A static file held in memory, with a version derived from its content."""

    body: bytes
    media_type: str

    @property
    def version(self) -> str:
        """A short hash of the content, for cache-busting URLs."""
        return hashlib.sha256(self.body).hexdigest()[:12]


ASSET_TYPES = {
    "embed.js": "text/javascript; charset=utf-8",
    "embed.css": "text/css; charset=utf-8",
    "demo.js": "text/javascript; charset=utf-8",
    "demo.css": "text/css; charset=utf-8",
    "widget.js": "text/javascript; charset=utf-8",
}


def load_assets(folder: Path = HERE / "static") -> dict[str, Asset]:
    """The files under ui/static, read once at start-up."""
    return {name: Asset((folder / name).read_bytes(), kind) for name, kind in ASSET_TYPES.items()}


def build_embed_router(
    *,
    disclaimer: str,
    resources: Sequence[Resource],
    title: str,
    examples: list[str],
    origins: tuple[str, ...],
) -> APIRouter:
    """The routes of /embed, /embed/static/*, /widget.js and /embed-demo."""
    router = APIRouter(include_in_schema=False)
    crisis_line = resources[0]  # always shown, for a crisis message the detector misses
    assets = load_assets()
    templates = Environment(
        loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True)
    )

    def url(name: str) -> str:
        return f"/embed/static/{name}?v={assets[name].version}"

    @router.api_route("/embed", methods=["GET", "HEAD"], response_class=HTMLResponse)
    def embed(request: Request) -> HTMLResponse:
        """The chat alone, compact, made for a frame."""
        options = read_options(request.query_params, default_title=title)
        nonce = secrets.token_urlsafe(16)
        page = templates.get_template("embed.html").render(
            options=options,
            nonce=nonce,
            disclaimer=disclaimer,
            crisis_line=crisis_line,
            help_prompt=HELP_PROMPT,
            examples=examples,
            url=url,
        )
        headers = {"content-security-policy": EMBED_CSP.format(nonce=nonce)}
        headers["cache-control"] = "no-store"  # the nonce is per response
        return HTMLResponse(page, headers=headers)

    @router.api_route("/embed/static/{name}", methods=["GET", "HEAD"])
    def static(name: str, request: Request) -> Response:
        """The embed page's script and style, versioned."""
        asset = assets.get(name)
        if asset is None or name == "widget.js":
            raise HTTPException(status_code=404)
        fresh = request.query_params.get("v") == asset.version
        cache = IMMUTABLE if fresh else "no-cache"
        return Response(asset.body, media_type=asset.media_type, headers={"cache-control": cache})

    @router.api_route("/widget.js", methods=["GET", "HEAD"])
    def widget(request: Request) -> Response:
        """The chat button for any website: loadable as a script from every origin."""
        asset = assets["widget.js"]
        etag = f'"{asset.version}"'
        headers = {
            "cache-control": WIDGET_CACHE,
            "etag": etag,
            "access-control-allow-origin": "*",
            "cross-origin-resource-policy": "cross-origin",
        }
        if etag in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers=headers)
        return Response(asset.body, media_type=asset.media_type, headers=headers)

    @router.api_route("/embed-demo", methods=["GET", "HEAD"], response_class=HTMLResponse)
    def demo(request: Request) -> HTMLResponse:
        """Both snippets, ready to copy, and the widget live on the page."""
        base = str(request.base_url).rstrip("/")
        page = templates.get_template("embed_demo.html").render(
            title=title,
            origins=origins,
            url=url,
            widget_snippet=widget_snippet(base, title=title),
            frame_snippet=frame_snippet(base, title=title),
            frame_src=embed_src(base, title=title),
        )
        return HTMLResponse(page, headers={"content-security-policy": DEMO_CSP})

    return router
