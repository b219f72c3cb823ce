"""The server's access log, without what identifies a visitor or what they typed.

uvicorn's own access log prints every client's address (and, from a trusted proxy, the
forwarded one) and every query string, where staff searches carry visitors' words. Ours logs
the method, the path, the status and the time taken: enough to operate the server, nothing
that makes the log health data.
"""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("verbatim.access")


class AccessLog:
    """Pure-ASGI middleware: one line per HTTP request, ``POST /api/ask 200 31 ms``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # what the server answers when the app fails before starting a response

        async def send_noting_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_noting_status)
        finally:
            elapsed_ms = (time.perf_counter() - started) * 1000
            # As sent, still percent-encoded: a decoded path could carry a line break and
            # forge a log line. ASGI's raw_path never holds the query string.
            raw = scope.get("raw_path") or scope["path"].encode("utf-8", "backslashreplace")
            path = raw.decode("ascii", "backslashreplace")
            log.info("%s %s %d %.0f ms", scope["method"], path, status, elapsed_ms)
