"""The FastAPI app: /api/ask, /api/health and the Gradio chat mounted at /."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import gradio as gr
from fastapi import BackgroundTasks, FastAPI, HTTPException, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.routing import Match, Mount

from corpus.documents import load_corpus
from retrieval.answerer import Answerer
from ui.access_log import AccessLog
from ui.deps import AnswererDep, LogbookDep, load_answerer, open_logbook
from ui.embed import build_embed_router
from ui.errors import LogbookError, UnknownAnswerError
from ui.framing import FramePolicy
from ui.logbook import Rating, new_conversation_id, new_entry, purge_expired, purge_forever
from ui.schemas import AskRequest, AskResponse, FeedbackRequest, HealthResponse, LoggingHealth
from ui.settings import Settings, get_settings
from ui.staff import add_staff_console, open_staff_auth

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
        app.state.settings = settings
        app.state.logbook = logbook = open_logbook(settings)
        app.state.staff_auth = open_staff_auth(settings, logbook)
        retention = timedelta(days=settings.retention_days)
        await asyncio.to_thread(purge_expired, logbook, retention=retention)
        purging = asyncio.create_task(purge_forever(logbook, retention=retention, every=3600))
        log.info("ready: %s passages", app.state.answerer.index.manifest.passage_count)
        try:
            yield
        finally:
            purging.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await purging
            await asyncio.to_thread(logbook.close)  # waits for queued answers, at most 5 s

    app = FastAPI(title="Verbatim", lifespan=lifespan)
    app.add_exception_handler(RequestValidationError, _readable_422)  # type: ignore[arg-type]
    app.add_middleware(FramePolicy, embed_origins=settings.embed_origin_list)
    app.add_middleware(AccessLog)  # outermost: times and logs every response, no client address

    @app.post("/api/ask", response_model=AskResponse)
    def ask(
        body: AskRequest, answerer: AnswererDep, logbook: LogbookDep, after: BackgroundTasks
    ) -> AskResponse:
        """Answer a question by quoting the article; the log's writer thread stores it."""
        started = time.perf_counter()
        answer = answerer.ask(body.question, top_k=body.top_k)
        latency_ms = (time.perf_counter() - started) * 1000
        conversation_id = body.conversation_id or new_conversation_id()
        manifest = answerer.index.manifest
        entry = new_entry(
            answer,
            question=body.question,
            conversation_id=conversation_id,
            latency_ms=latency_ms,
            model=manifest.model,
            index_hash=manifest.index_hash,
        )

        # Queued once the answer is sent, so the writer thread's work does not delay it. Only
        # the queueing is a background task, and an async one (a plain function would wait for
        # the thread pool, behind other answers): a task that wrote would hold the connection
        # (and a keep-alive client's next request) until the database has written.
        async def queue_for_the_log() -> None:
            logbook.record_later(entry)  # never raises, never waits for the database

        after.add_task(queue_for_the_log)
        return AskResponse.from_answer(answer, conversation_id=conversation_id)

    @app.post("/api/feedback", status_code=204, response_class=Response)
    def feedback(body: FeedbackRequest, logbook: LogbookDep) -> Response:
        """A visitor's 👍/👎 on an answer, with an optional comment."""
        try:
            logbook.rate(body.answer_id, Rating(body.rating), body.comment.strip())
        except UnknownAnswerError as exc:
            raise HTTPException(404, f"answer_id: no answer {body.answer_id!r}") from exc
        except LogbookError as exc:
            log.error("could not store feedback on answer %s: %s", body.answer_id, exc)
            raise HTTPException(503, "feedback cannot be saved right now") from exc
        return Response(status_code=204)

    # HEAD too: uptime monitors often ask with it.
    @app.api_route("/api/health", methods=["GET", "HEAD"], response_model=HealthResponse)
    def health(answerer: AnswererDep, logbook: LogbookDep) -> HealthResponse:
        """What is loaded: the model, the passage count and the index hash."""
        manifest = answerer.index.manifest
        return HealthResponse(
            status="ok",
            model=manifest.model,
            passages=manifest.passage_count,
            index_hash=manifest.index_hash,
            corpus_hash=manifest.corpus_hash,
            built_at=manifest.built_at,
            logging=LoggingHealth(
                status="failing" if logbook.last_failed else "ok", failures=logbook.failures
            ),
        )

    from ui.chat import CSS, THEME, build_chat

    examples = [s for doc in load_corpus(settings.corpus_dir) for s in doc.suggestions][:4]
    # Before the Gradio mount, which catches every path under /.
    app.include_router(
        build_embed_router(
            disclaimer=settings.disclaimer,
            resources=settings.resources,
            title=TITLE,
            examples=examples,
            origins=settings.embed_origin_list,
        )
    )
    add_staff_console(app, settings)
    add_unknown_api_answers(app)
    chat = build_chat(
        lambda: app.state.answerer,
        title=TITLE,
        examples=examples,
        resources=settings.resources,
        logbook=lambda: app.state.logbook,
    )
    mounted: FastAPI = gr.mount_gradio_app(
        app, chat, path="/", theme=THEME, css=CSS, footer_links=[]
    )
    return mounted


API_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
UNKNOWN_API = "/api/{rest:path}"


def add_unknown_api_answers(app: FastAPI) -> None:
    """Answer a path under /api that no route takes as the API, not as the chat: the Gradio
    mount at / would take it. A path the API has, asked with a method it does not take,
    is a 405 naming the methods it does take (``GET /api/ask`` is not "not found"). Add it
    after every /api route."""

    @app.api_route(UNKNOWN_API, methods=API_METHODS, include_in_schema=False)
    def unknown_api(request: Request) -> JSONResponse:
        # Every route but this one and the chat's mount, asked with each method in turn:
        # routers included from elsewhere (the staff API) answer for their own paths.
        routes = [
            route
            for route in app.router.routes
            if not isinstance(route, Mount) and getattr(route, "path", "") != UNKNOWN_API
        ]
        allowed = [
            method
            for method in API_METHODS
            if any(r.matches({**request.scope, "method": method})[0] is Match.FULL for r in routes)
        ]
        path = request.url.path
        if allowed:
            return JSONResponse(
                {"detail": f"{path} takes {', '.join(allowed)}, not {request.method}"},
                status_code=405,
                headers={"Allow": ", ".join(allowed)},
            )
        return JSONResponse({"detail": f"no API endpoint at {path}"}, status_code=404)


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
    """Errors with only JSON-safe values: without ``ctx`` (pydantic may put exceptions there)
    and ``input`` (a visitor's words need not come back, and a lone surrogate in them cannot
    be written as JSON)."""
    if isinstance(errors, dict):
        return {k: _plain(v) for k, v in errors.items() if k not in ("ctx", "input")}
    if isinstance(errors, list | tuple):
        return [_plain(v) for v in errors]
    return errors if isinstance(errors, str | int | float | bool | type(None)) else str(errors)
