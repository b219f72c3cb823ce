"""Who may put which page in a frame: the clickjacking policy, decided per path.

Only the embeddable chat (``/embed`` and its assets under ``/embed/static/``) may be framed,
and only by this server and the origins of ``VERBATIM_EMBED_ORIGINS``. Every other page is sent
with ``X-Frame-Options: DENY`` and ``frame-ancestors 'none'``.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

EMBED_PATH = "/embed"
EMBED_ASSETS = "/embed/static/"
_HOST = re.compile(
    r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*"
    r"|\[[0-9a-f:.]+\]"
)
Headers = list[tuple[bytes, bytes]]


def parse_origin(value: str) -> str:
    """One origin, normalised (``https://Clinic.example/`` → ``https://clinic.example``).

    Refuses anything a browser would read as more or other than one origin: a path, a query,
    a wildcard, credentials, quotes or a ``;`` that would smuggle in another CSP directive.
    """
    text = value.strip()
    problem = f"VERBATIM_EMBED_ORIGINS: {text!r} is not an origin like https://clinic.example"
    if not text or any(c in text for c in "*;,'\" \t\\"):
        raise ValueError(problem + " (no wildcards, quotes or spaces)")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise ValueError(problem + " (bad port)") from exc
    if parts.scheme not in ("http", "https"):
        raise ValueError(problem + " (the scheme must be http or https)")
    if parts.path not in ("", "/") or parts.query or parts.fragment or "?" in text or "#" in text:
        raise ValueError(problem + " (no path, query or fragment)")
    host = parts.netloc.rsplit(":", 1)[0] if port is not None else parts.netloc
    if "@" in parts.netloc or not _HOST.fullmatch(host.lower()):
        raise ValueError(problem + " (the host is not valid)")
    if port is not None and not 0 < port < 65536:
        raise ValueError(problem + " (bad port)")
    return f"{parts.scheme}://{host.lower()}" + (f":{port}" if port is not None else "")


def parse_origins(value: str) -> tuple[str, ...]:
    """The comma-separated origins of ``VERBATIM_EMBED_ORIGINS``; empty means none."""
    origins = [parse_origin(part) for part in value.split(",") if part.strip()]
    return tuple(dict.fromkeys(origins))


def is_embeddable(path: str) -> bool:
    """Whether a page may be framed by the allowed origins: ``/embed`` and what it loads."""
    return path == EMBED_PATH or path.startswith(EMBED_ASSETS)


def frame_ancestors(path: str, origins: tuple[str, ...]) -> str:
    """The ``frame-ancestors`` directive for a path."""
    if is_embeddable(path):
        return " ".join(("frame-ancestors 'self'", *origins))
    return "frame-ancestors 'none'"


def secure_headers(headers: Headers, path: str, origins: tuple[str, ...]) -> Headers:
    """A response's headers with the framing policy for its path added.

    A Content-Security-Policy the route already set is kept and extended, so the browser
    enforces one policy; a route that chose its own ``frame-ancestors`` keeps it.
    """
    directive = frame_ancestors(path, origins).encode()
    out: Headers = []
    has_policy = False
    for name, value in headers:
        if name.lower() == b"content-security-policy":
            has_policy = True
            if b"frame-ancestors" not in value:
                value = value.rstrip(b"; ") + b"; " + directive
        out.append((name, value))
    if not has_policy:
        out.append((b"content-security-policy", directive))
    if not is_embeddable(path):
        out.append((b"x-frame-options", b"DENY"))
    out += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
    return out


class FramePolicy:
    """Pure-ASGI middleware adding :func:`secure_headers` to every HTTP response."""

    def __init__(self, app: ASGIApp, *, embed_origins: tuple[str, ...] = ()) -> None:
        self.app = app
        self.embed_origins = embed_origins

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                message["headers"] = secure_headers(headers, path, self.embed_origins)
            await send(message)

        await self.app(scope, receive, send_with_headers)
