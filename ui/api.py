"""The FastAPI app: /api/ask, /api/health and the Gradio chat mounted at /."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import gradio as gr
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from corpus.documents import load_corpus
from retrieval.answerer import Answerer
from ui.deps import AnswererDep, load_answerer
from ui.schemas import AskRequest, AskResponse, HealthResponse
from ui.settings import Settings, get_settings

log = logging.getLogger("verbatim")
TITLE = "Ask about chronic pain, depression and ketamine therapy"


def create_app(settings: Settings | None = None, *, answerer: Answerer | None = None) -> FastAPI:
    """The whole web app. The lifespan loads the model and index once; tests may pass
    ``answerer`` to share one already loaded."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.answerer = answerer or load_answerer(settings)
        log.info("ready: %s passages", app.state.answerer.index.manifest.passage_count)
        yield

    app = FastAPI(title="Verbatim", lifespan=lifespan)
    app.add_exception_handler(RequestValidationError, _readable_422)  # type: ignore[arg-type]
    app.add_middleware(FrameGuard)

    @app.post("/api/ask", response_model=AskResponse)
    def ask(body: AskRequest, answerer: AnswererDep) -> AskResponse:
        """Answer a question by quoting the article."""
        return AskResponse.from_answer(answerer.ask(body.question, top_k=body.top_k))

    @app.get("/api/health", response_model=HealthResponse)
    def health(answerer: AnswererDep) -> HealthResponse:
        """What is loaded: the model, the passage count and the index hash."""
        manifest = answerer.index.manifest
        return HealthResponse(
            status="ok",
            model=manifest.model,
            passages=manifest.passage_count,
            index_hash=manifest.index_hash,
            corpus_hash=manifest.corpus_hash,
            built_at=manifest.built_at,
        )

    from ui.chat import CSS, THEME, build_chat

    examples = [s for doc in load_corpus(settings.corpus_dir) for s in doc.suggestions][:4]
    chat = build_chat(lambda: app.state.answerer, title=TITLE, examples=examples)
    mounted: FastAPI = gr.mount_gradio_app(
        app, chat, path="/", theme=THEME, css=CSS, footer_links=[]
    )
    return mounted


async def _readable_422(request: Request, exc: RequestValidationError) -> JSONResponse:
    """One readable sentence in ``detail``; the raw errors stay available under ``errors``."""
    messages = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "body"
        text = str(error.get("msg", "is invalid")).removeprefix("Value error, ")
        if error.get("type") == "json_invalid":
            where, text = "body", "is not valid JSON"
        messages.append(f"{where}: {text}")
    return JSONResponse(
        status_code=422,
        content={
            "detail": "; ".join(messages) or "invalid request",
            "errors": _plain(exc.errors()),
        },
    )


def _plain(errors: object) -> object:
    """Errors with only JSON-safe values (pydantic may include exceptions in ctx)."""
    if isinstance(errors, dict):
        return {k: _plain(v) for k, v in errors.items() if k != "ctx"}
    if isinstance(errors, list | tuple):
        return [_plain(v) for v in errors]
    return errors if isinstance(errors, str | int | float | bool | type(None)) else str(errors)


class FrameGuard:
    """Pages may not be framed by other sites (clickjacking): DENY on every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"x-frame-options", b"DENY"),
                    (b"content-security-policy", b"frame-ancestors 'none'"),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
