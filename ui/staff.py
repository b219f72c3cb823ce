"""The staff console at /staff and its JSON API at /api/staff (HTTP Basic, user ``staff``)."""

from __future__ import annotations

import logging
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, FastAPI, Form, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.security import HTTPBasic, HTTPBasicCredentials
from fastapi.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from corpus.passage import Passage
from retrieval.answer import Kind
from retrieval.answerer import Answerer
from retrieval.evaluation import EvalSetError, Report, evaluate, load_examples, meets
from retrieval.grouping import group_questions
from retrieval.small_talk import small_talk
from ui.auth import COOKIE, StaffAuth
from ui.deps import AnswererDep, LogbookDep
from ui.errors import LogbookError, UnknownAnswerError
from ui.logbook import Entry, Filters, Logbook, Rating, Verdict
from ui.quality import Day, daily, plot
from ui.review import (
    NEEDS_PASSAGE,
    VERDICT_NAMES,
    BadLabel,
    conversations_csv,
    examples_jsonl,
    labelled_examples,
    labelled_passage,
    read_verdict,
)
from ui.schemas import (
    LabelRequest,
    StaffAnswerOut,
    StaffFeedbackOut,
    StaffLabelOut,
    StaffPassageOut,
)
from ui.settings import Settings

log = logging.getLogger("verbatim")
TEMPLATES = Jinja2Templates(directory=Path(__file__).parent / "templates")
PAGE_SIZE = 50
GAP_QUESTIONS = 500  # the newest refused or 👎 questions that are grouped
CLIP_CHARS = 200  # lists show this much of a visitor's question or comment
DISABLED = "the staff console is disabled: VERBATIM_STAFF_PASSWORD is not set"


def add_staff_console(app: FastAPI, settings: Settings) -> None:
    """Mount the console and its API, or 404s saying why when no password is set."""
    app.add_middleware(StaffHeaders)
    if settings.staff_password is None:
        log.warning("%s (at least 12 characters enables /staff)", DISABLED)

        every = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]  # whatever is asked: off

        @app.api_route("/staff{rest:path}", methods=every, include_in_schema=False)
        @app.api_route("/api/staff/{rest:path}", methods=every)
        def disabled(rest: str) -> JSONResponse:
            return JSONResponse({"detail": DISABLED}, status_code=404)

        return
    app.include_router(pages, include_in_schema=False)
    app.include_router(api)


def open_staff_auth(settings: Settings, logbook: Logbook) -> StaffAuth | None:
    """The password check and sessions, when the console is enabled."""
    if settings.staff_password is None:
        return None
    lifetime = timedelta(hours=settings.staff_session_hours)
    return StaffAuth(settings.staff_password.get_secret_value(), logbook, lifetime=lifetime)


class StaffHeaders:
    """Staff responses hold health data: never cached, framed, indexed or running scripts."""

    HEADERS = (
        (b"cache-control", b"no-store"),
        (b"x-robots-tag", b"noindex"),
        (
            b"content-security-policy",
            b"default-src 'none'; style-src 'unsafe-inline'; img-src 'self';"
            b" form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ),
    )

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if not (path.startswith("/staff") or path.startswith("/api/staff")):
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


# --- who may see it ----------------------------------------------------------------------


async def get_auth(request: Request) -> StaffAuth:
    """The staff auth the lifespan made."""
    auth: StaffAuth = request.app.state.staff_auth
    return auth


AuthDep = Annotated[StaffAuth, Depends(get_auth)]
_basic = HTTPBasic(auto_error=False, realm="Verbatim staff")


def _signed_in(request: Request, auth: StaffAuth) -> bool:
    try:
        return auth.signed_in(request.cookies.get(COOKIE))
    except LogbookError as exc:
        log.error("could not check a staff session: %s", exc)
        raise HTTPException(503, "the staff database is unavailable") from exc


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def require_page(request: Request, auth: AuthDep) -> None:
    """Console pages need a session; otherwise go to the sign-in page."""
    if not _signed_in(request, auth):
        raise HTTPException(303, "sign in first", headers={"Location": "/staff/sign-in"})


def same_site(request: Request) -> None:
    """Changes come from our own pages only.

    SameSite=Strict keeps the session cookie off cross-site requests, but not off requests
    from sibling sites (another subdomain), and a browser sends cached HTTP Basic credentials
    anywhere: so the browser's own word on where a request comes from is checked too.
    """
    fetch_site = request.headers.get("sec-fetch-site")
    origin = request.headers.get("origin")
    if fetch_site is not None:
        allowed = fetch_site in ("same-origin", "none")
    elif origin is not None:  # a browser without Sec-Fetch-Site still sends Origin on POST
        allowed = urlsplit(origin).netloc == request.headers.get("host", "")
    else:
        allowed = True  # not a browser (curl, a script): there is no one to trick
    if not allowed:
        raise HTTPException(403, "cross-site requests may not change anything")


def require_api(
    request: Request,
    auth: AuthDep,
    credentials: Annotated[HTTPBasicCredentials | None, Depends(_basic)],
) -> None:
    """The JSON API takes HTTP Basic (user ``staff``) or a console session."""
    if credentials is None and _signed_in(request, auth):
        return
    challenge = {"WWW-Authenticate": 'Basic realm="Verbatim staff"'}
    wait = auth.retry_after(_client(request))
    if wait is not None:
        raise HTTPException(429, "too many failed sign-ins", headers={"Retry-After": str(wait)})
    if credentials is None:
        raise HTTPException(401, "staff password required", headers=challenge)
    if not auth.password_matches(credentials.password, user=credentials.username):
        auth.note_failure(_client(request))
        raise HTTPException(401, "wrong staff user or password", headers=challenge)


pages = APIRouter(prefix="/staff")
api = APIRouter(prefix="/api/staff", dependencies=[Depends(require_api)])
PageDep = Depends(require_page)
ChangeDep = [Depends(require_page), Depends(same_site)]


def clip(text: str, limit: int = CLIP_CHARS) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, for lists of visitors' text
    (where the whole of it stays in the element's title and on the conversation page)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


TEMPLATES.env.filters["clip"] = clip


def _render(request: Request, name: str, status: int = 200, **context: Any) -> Response:
    return TEMPLATES.TemplateResponse(
        request,
        f"staff/{name}",
        {"verdicts": VERDICT_NAMES, "needs_passage": NEEDS_PASSAGE, **context},
        status_code=status,
    )


# --- sign-in -------------------------------------------------------------------------------


@pages.get("/sign-in")
def sign_in_page(request: Request) -> Response:
    """The sign-in form."""
    return _render(request, "sign_in.html", error="", bare=True)


@pages.post("/sign-in", dependencies=[Depends(same_site)])
def sign_in(request: Request, auth: AuthDep, password: Annotated[str, Form()] = "") -> Response:
    """Check the password; on success set the session cookie."""
    wait = auth.retry_after(_client(request))
    if wait is not None:
        error = f"Too many failed attempts. Try again in {wait} seconds."
        response = _render(request, "sign_in.html", 429, error=error, bare=True)
        response.headers["Retry-After"] = str(wait)
        return response
    if not auth.password_matches(password):
        auth.note_failure(_client(request))
        return _render(request, "sign_in.html", 401, error="That password is not right.", bare=True)
    try:
        token = auth.sign_in()
    except LogbookError as exc:
        log.error("could not start a staff session: %s", exc)
        return _render(
            request, "sign_in.html", 503, error="The staff database is unavailable.", bare=True
        )
    response = RedirectResponse("/staff", status_code=303)
    response.set_cookie(
        COOKIE,
        token,
        max_age=int(auth.lifetime.total_seconds()),
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@pages.post("/sign-out", dependencies=[Depends(same_site)])
def sign_out(request: Request, auth: AuthDep) -> Response:
    """End the session and forget the cookie."""
    try:
        auth.sign_out(request.cookies.get(COOKIE))
    except LogbookError as exc:
        log.error("could not end a staff session: %s", exc)
    response = RedirectResponse("/staff/sign-in", status_code=303)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return response


# --- conversations and review -----------------------------------------------------------


def query_filters(
    kind: str = "",
    feedback: str = "",
    score_below: str = "",
    since: str = "",
    until: str = "",
    q: str = "",
) -> Filters:
    """Filters from a query string; empty fields (as plain forms send them) mean any."""
    if feedback not in ("", "up", "down", "none"):
        raise HTTPException(422, f"bad filter: feedback must be up, down or none, not {feedback!r}")
    try:
        if score_below and not math.isfinite(float(score_below)):
            raise ValueError(f"score_below must be a number, not {score_below!r}")
        return Filters(
            kind=Kind(kind) if kind else None,
            rating=Rating(feedback) if feedback in ("up", "down") else None,
            unrated=feedback == "none",
            score_below=float(score_below) if score_below else None,
            since=_day_start(since) if since else None,
            until=_day_start(until) + timedelta(days=1) if until else None,
            text=q[:200],
        )
    except (ValueError, OverflowError) as exc:  # OverflowError: the day after 9999-12-31
        raise HTTPException(422, f"bad filter: {exc}") from exc


def _day_start(text: str) -> datetime:
    return datetime.combine(date.fromisoformat(text), time(), tzinfo=UTC)


FiltersDep = Annotated[Filters, Depends(query_filters)]


@contextmanager
def _http_errors() -> Iterator[None]:
    """The logbook's errors as HTTP: an unknown answer is 404, a failing database 503."""
    try:
        yield
    except UnknownAnswerError as exc:
        raise HTTPException(404, str(exc)) from exc
    except LogbookError as exc:
        log.error("staff console: %s", exc)
        raise HTTPException(503, "the conversation log is unavailable") from exc


@pages.get("", dependencies=[PageDep])
def conversations_page(
    request: Request, logbook: LogbookDep, filters: FiltersDep, offset: int = 0
) -> Response:
    """Answers newest first, filtered; each links to its conversation."""
    offset = max(0, offset)
    with _http_errors():
        entries = logbook.entries(filters, limit=PAGE_SIZE + 1, offset=offset)
    query = {k: v for k, v in request.query_params.items() if k != "offset"}
    return _render(
        request,
        "conversations.html",
        entries=entries[:PAGE_SIZE],
        query=query,
        offset=offset,
        more=len(entries) > PAGE_SIZE,
        page_size=PAGE_SIZE,
    )


@dataclass(frozen=True)
class LabelForm:
    """A review form sent back with what staff chose and why it was not saved."""

    answer_id: str
    verdict: str
    passage_id: str
    problem: BadLabel


@pages.get("/conversations/{conversation_id}", dependencies=[PageDep])
def conversation_page(
    request: Request, conversation_id: str, logbook: LogbookDep, answerer: AnswererDep
) -> Response:
    """Every answer of one conversation as the visitor saw it, with scores and review forms."""
    return _conversation(request, conversation_id, logbook, answerer)


def _conversation(
    request: Request,
    conversation_id: str,
    logbook: Logbook,
    answerer: Answerer,
    form: LabelForm | None = None,
) -> Response:
    with _http_errors():
        entries = logbook.conversation(conversation_id)
    if not entries:
        raise HTTPException(404, "no such conversation (it may have been deleted)")
    return _render(
        request,
        "conversation.html",
        200 if form is None else 422,
        conversation_id=conversation_id,
        entries=entries,
        article=answerer.index.passages,
        resources=request.app.state.settings.resources,  # what a crisis answer lists
        quote_parts=quote_parts,
        form=form,
    )


def quote_parts(passage: Passage) -> tuple[str, str, str]:
    """The quote split around its highlighted sentence, for marking it on the page."""
    if passage.highlight is None:
        return passage.text, "", ""
    start, end = (i - passage.start for i in passage.highlight)
    return passage.text[:start], passage.text[start:end], passage.text[end:]


@pages.post("/answers/{answer_id}/label", dependencies=ChangeDep)
def label_page(
    request: Request,
    answer_id: str,
    logbook: LogbookDep,
    answerer: AnswererDep,
    verdict: Annotated[str, Form()] = "",
    passage_id: Annotated[str, Form()] = "",
) -> Response:
    """Store staff's verdict and go back to the conversation; a label that cannot be stored
    shows the conversation again, the choices kept and the reason beside the form."""
    try:
        chosen = read_verdict(verdict)
        passage = labelled_passage(chosen, passage_id or None, answerer.index.passages)
    except BadLabel as problem:
        with _http_errors():
            conversation_id = logbook.entry(answer_id).conversation_id
        form = LabelForm(answer_id, verdict, passage_id, problem)
        return _conversation(request, conversation_id, logbook, answerer, form)
    with _http_errors():
        logbook.label(answer_id, chosen, passage)
        entry = logbook.entry(answer_id)
    url = f"/staff/conversations/{entry.conversation_id}#answer-{answer_id}"
    return RedirectResponse(url, status_code=303)


@pages.post("/conversations/{conversation_id}/delete", dependencies=ChangeDep)
def delete_page(conversation_id: str, logbook: LogbookDep) -> Response:
    """Delete a conversation now."""
    with _http_errors():
        logbook.delete_conversation(conversation_id)
    return RedirectResponse("/staff", status_code=303)


# --- coverage gaps, quality, evaluation --------------------------------------------------


@dataclass(frozen=True)
class Gap:
    """Questions the article did not answer well, similar to each other."""

    entries: list[Entry]


def find_gaps(logbook: Logbook, answerer: Answerer) -> list[Gap]:
    """Refused and 👎 questions grouped by meaning, largest group first."""
    with _http_errors():
        refused = logbook.entries(Filters(kind=Kind.NOT_FOUND), limit=GAP_QUESTIONS)
        disliked = logbook.entries(Filters(rating=Rating.DOWN), limit=GAP_QUESTIONS)
    # "thanks" and "tell me more" are refused with no quote, but ask for nothing missing.
    asked = [e for e in refused if small_talk(e.question) is None]
    by_id = {e.id: e for e in [*asked, *disliked]}
    entries = sorted(by_id.values(), key=lambda e: e.time, reverse=True)[:GAP_QUESTIONS]
    groups = group_questions([e.question for e in entries], answerer.encoder)
    return [Gap([entries[i] for i in group]) for group in groups]


@pages.get("/gaps", dependencies=[PageDep])
def gaps_page(request: Request, logbook: LogbookDep, answerer: AnswererDep) -> Response:
    """What visitors want that the article lacks."""
    return _render(request, "gaps.html", gaps=find_gaps(logbook, answerer))


def _days(logbook: Logbook, days: int) -> list[Day]:
    last = datetime.now(UTC).date()
    first = last - timedelta(days=days - 1)
    with _http_errors():
        entries = logbook.entries(Filters(since=_day_start(first.isoformat())), limit=None)
    return daily(entries, first=first, last=last)


@pages.get("/quality", dependencies=[PageDep])
def quality_page(request: Request, logbook: LogbookDep, days: int = 30) -> Response:
    """Per-day figures and their plot."""
    days = min(max(days, 1), 366)
    return _render(request, "quality.html", days=_days(logbook, days), span=days)


@pages.get("/quality.png", dependencies=[PageDep])
def quality_plot(logbook: LogbookDep, days: int = 30) -> Response:
    """The plot of the per-day figures."""
    return Response(plot(_days(logbook, min(max(days, 1), 366))), media_type="image/png")


def run_evaluation(logbook: Logbook, answerer: Answerer, eval_set: Path) -> tuple[Report, str]:
    """The labelled questions plus the development set through the current index."""
    with _http_errors():
        examples = labelled_examples(logbook.labelled())
    note = f"{len(examples)} labelled questions"
    try:
        examples += load_examples(eval_set)
        note += f" + {eval_set}"
    except EvalSetError as exc:
        note += f" (not {eval_set}: {exc})"
    return evaluate(examples, lambda q: answerer.ask(q, top_k=3)), note


@pages.get("/evaluate", dependencies=[PageDep])
def evaluate_page(request: Request) -> Response:
    """The button that runs the evaluation."""
    return _render(request, "evaluate.html", report=None, note="", meets=meets)


@pages.post("/evaluate", dependencies=ChangeDep)
def evaluate_run(request: Request, logbook: LogbookDep, answerer: AnswererDep) -> Response:
    """Run the evaluation and show the metrics and the misses."""
    report, note = run_evaluation(logbook, answerer, request.app.state.settings.eval_set)
    return _render(request, "evaluate.html", report=report, note=note, meets=meets)


# --- exports (pages and API share them) --------------------------------------------------


def labels_file(logbook: LogbookDep) -> Response:
    """The labels as JSONL that ``verbatim eval`` reads."""
    with _http_errors():
        text = examples_jsonl(labelled_examples(logbook.labelled()))
    return _download(text, "application/x-ndjson", "labels.jsonl")


def conversations_file(logbook: LogbookDep) -> Response:
    """The whole log as CSV."""
    with _http_errors():
        text = conversations_csv(logbook.entries(Filters(), limit=None))
    return _download(text, "text/csv; charset=utf-8", "conversations.csv")


def _download(text: str, media_type: str, name: str) -> Response:
    disposition = f'attachment; filename="{name}"'
    return Response(text, media_type=media_type, headers={"Content-Disposition": disposition})


pages.get("/export/labels.jsonl", dependencies=[PageDep])(labels_file)
pages.get("/export/conversations.csv", dependencies=[PageDep])(conversations_file)
api.get("/export/labels.jsonl")(labels_file)
api.get("/export/conversations.csv")(conversations_file)


# --- the JSON API --------------------------------------------------------------------------


def passage_out(passage: Passage) -> StaffPassageOut:
    """A stored passage at the HTTP edge."""
    return StaffPassageOut(
        id=passage.id,
        quote=passage.text,
        section=passage.section,
        source=passage.source,
        start=passage.start,
        end=passage.end,
        score=passage.score,
    )


def answer_out(entry: Entry) -> StaffAnswerOut:
    """A logged answer at the HTTP edge."""
    feedback, label = entry.feedback, entry.label
    return StaffAnswerOut(
        id=entry.id,
        time=entry.time.isoformat(timespec="seconds"),
        conversation_id=entry.conversation_id,
        question=entry.question,
        kind=entry.kind.value,
        message=entry.message,
        passages=[passage_out(p) for p in entry.passages],
        suggestions=list(entry.suggestions),
        latency_ms=round(entry.latency_ms, 2),
        model=entry.model,
        index_hash=entry.index_hash,
        feedback=StaffFeedbackOut(
            rating=feedback.rating.value,
            comment=feedback.comment,
            time=feedback.time.isoformat(timespec="seconds"),
        )
        if feedback
        else None,
        label=StaffLabelOut(
            verdict=label.verdict.value,
            passage=passage_out(label.passage) if label.passage else None,
            time=label.time.isoformat(timespec="seconds"),
        )
        if label
        else None,
    )


@api.get("/conversations")
def conversations_api(
    logbook: LogbookDep, filters: FiltersDep, limit: int = PAGE_SIZE, offset: int = 0
) -> list[StaffAnswerOut]:
    """Logged answers newest first (same filters as the console)."""
    with _http_errors():
        entries = logbook.entries(filters, limit=min(max(limit, 1), 1000), offset=max(offset, 0))
    return [answer_out(e) for e in entries]


@api.get("/conversations/{conversation_id}")
def conversation_api(conversation_id: str, logbook: LogbookDep) -> list[StaffAnswerOut]:
    """Every answer of one conversation, oldest first."""
    with _http_errors():
        entries = logbook.conversation(conversation_id)
    if not entries:
        raise HTTPException(404, "no such conversation (it may have been deleted)")
    return [answer_out(e) for e in entries]


@api.delete("/conversations/{conversation_id}", status_code=204, dependencies=[Depends(same_site)])
def delete_api(conversation_id: str, logbook: LogbookDep) -> Response:
    """Delete a conversation now."""
    with _http_errors():
        logbook.delete_conversation(conversation_id)
    return Response(status_code=204)


@api.post("/answers/{answer_id}/label", status_code=204, dependencies=[Depends(same_site)])
def label_api(
    answer_id: str, body: LabelRequest, logbook: LogbookDep, answerer: AnswererDep
) -> Response:
    """Store staff's verdict on an answer (``passage_id`` is read for the verdicts that name
    the right passage only)."""
    verdict = Verdict(body.verdict)
    try:
        passage = labelled_passage(verdict, body.passage_id, answerer.index.passages)
    except BadLabel as exc:
        raise HTTPException(422, str(exc)) from exc
    with _http_errors():
        logbook.label(answer_id, verdict, passage)
    return Response(status_code=204)


@api.get("/gaps")
def gaps_api(logbook: LogbookDep, answerer: AnswererDep) -> list[list[StaffAnswerOut]]:
    """Refused and 👎 questions grouped by meaning, largest group first."""
    return [[answer_out(e) for e in gap.entries] for gap in find_gaps(logbook, answerer)]


@api.get("/quality")
def quality_api(logbook: LogbookDep, days: int = 30) -> list[dict[str, Any]]:
    """Per-day figures (UTC days)."""
    return [
        {**d.__dict__, "day": d.day.isoformat()} for d in _days(logbook, min(max(days, 1), 366))
    ]


@api.post("/evaluate", dependencies=[Depends(same_site)])
def evaluate_api(request: Request, logbook: LogbookDep, answerer: AnswererDep) -> dict[str, Any]:
    """Run the labelled questions and the development set; metrics, counts and misses."""
    report, note = run_evaluation(logbook, answerer, request.app.state.settings.eval_set)
    misses = [
        {
            "question": o.example.question,
            "category": o.example.category.value,
            "expected": list(o.example.phrases),
            "got": o.answer.kind.value,
            "quoted": [p.text for p in o.answer.passages],
        }
        for o in report.misses()
    ]
    return {"examples": note, "metrics": report.metrics, "counts": report.counts, "misses": misses}
