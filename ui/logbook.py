"""The log of every answer, with visitor feedback and staff labels, in a SQL database.

One table row per answer (feedback and label are one per answer, so they are columns), plus
the staff sign-in sessions. No IP address, user agent or cookie identifier is ever stored: a
conversation is only a random id the chat made for one session.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Engine,
    String,
    Text,
    create_engine,
    delete,
    event,
    select,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import TypeDecorator

from corpus.passage import Passage
from retrieval.answer import Answer, Kind
from ui.errors import LogbookError, UnknownAnswerError

log = logging.getLogger("verbatim")

# Answers waiting for the writer thread: past this many (a database down for long under
# traffic) new ones are dropped and counted as failures rather than held in memory.
MAX_QUEUED = 1000
# How long a query waits for answers still on their way to the database.
WRITE_WAIT_S = 2.0
# How long closing waits for queued answers before dropping (and counting) the rest.
CLOSE_WAIT_S = 5.0


class Rating(StrEnum):
    """A visitor's thumbs."""

    UP = "up"
    DOWN = "down"


class Verdict(StrEnum):
    """What staff decided about one answer."""

    CORRECT = "correct"
    WRONG_PASSAGE = "wrong_passage"
    SHOULD_REFUSE = "should_refuse"
    SHOULD_ANSWER = "should_answer"
    NEEDED_CRISIS = "needed_crisis"


@dataclass(frozen=True)
class Feedback:
    """A visitor's 👍/👎 and optional comment."""

    rating: Rating
    comment: str
    time: datetime


@dataclass(frozen=True)
class Label:
    """Staff's verdict and, when they picked one, the passage that should have been quoted."""

    verdict: Verdict
    passage: Passage | None
    time: datetime


@dataclass(frozen=True)
class Entry:
    """One logged answer, as the visitor saw it."""

    id: str
    time: datetime
    conversation_id: str
    question: str
    kind: Kind
    message: str
    passages: tuple[Passage, ...]
    suggestions: tuple[str, ...]
    latency_ms: float
    model: str
    index_hash: str
    feedback: Feedback | None = None
    label: Label | None = None

    @property
    def top_score(self) -> float | None:
        """The best quoted passage's score (None when nothing was quoted)."""
        return max((p.score for p in self.passages), default=None)


@dataclass(frozen=True)
class Filters:
    """Which entries a staff member wants to see; None means any."""

    kind: Kind | None = None
    rating: Rating | None = None
    unrated: bool = False
    score_below: float | None = None
    since: datetime | None = None
    until: datetime | None = None  # exclusive
    text: str = ""


def new_conversation_id() -> str:
    """A random conversation id: it identifies a chat session, never a person."""
    return secrets.token_urlsafe(12)


def new_entry(
    answer: Answer,
    *,
    question: str,
    conversation_id: str,
    latency_ms: float,
    model: str,
    index_hash: str,
) -> Entry:
    """The entry to log for an answer just given."""
    return Entry(
        id=answer.id,
        time=datetime.now(UTC),
        conversation_id=conversation_id,
        question=question,
        kind=answer.kind,
        message=answer.message,
        passages=tuple(answer.passages),
        suggestions=tuple(answer.suggestions),
        latency_ms=latency_ms,
        model=model,
        index_hash=index_hash,
    )


class _UTC(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on every database."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return value.astimezone(UTC).replace(tzinfo=None) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None else None


class _Base(DeclarativeBase):
    pass


# The tables the model classes describe; ui/migrations brings every database to them.
metadata = _Base.metadata


class _AnswerRow(_Base):
    __tablename__ = "answers"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    asked_at: Mapped[datetime] = mapped_column(_UTC, index=True)
    conversation_id: Mapped[str] = mapped_column(String(64), index=True)
    question: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    message: Mapped[str] = mapped_column(Text)
    passages: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    suggestions: Mapped[list[str]] = mapped_column(JSON)
    top_score: Mapped[float | None]
    latency_ms: Mapped[float]
    model: Mapped[str] = mapped_column(String(200))
    index_hash: Mapped[str] = mapped_column(String(64))
    rating: Mapped[str | None] = mapped_column(String(8), index=True)
    comment: Mapped[str | None] = mapped_column(Text)
    rated_at: Mapped[datetime | None] = mapped_column(_UTC)
    verdict: Mapped[str | None] = mapped_column(String(32))
    label_passage: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    labelled_at: Mapped[datetime | None] = mapped_column(_UTC)


class _SessionRow(_Base):
    __tablename__ = "staff_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(_UTC, index=True)


class Logbook:
    """Records answers, feedback and labels; queries them for staff.

    ``record`` and ``record_later`` never raise: a failed write is logged and counted, so
    visitors still get their answer. Every other method raises ``LogbookError`` when the
    database fails. ``record_later`` hands the answer to one writer thread, so a reply never
    waits for the database; every method that reads or changes answers first waits for the
    answers queued before it, so it sees them.
    """

    def __init__(self, url: str, *, busy_timeout: float = 1.0) -> None:
        args: dict[str, Any] = {"timeout": busy_timeout} if url.startswith("sqlite") else {}
        self.url = url
        # hide_parameters: a failed statement's message must not carry a visitor's question.
        self.engine: Engine = create_engine(
            url, connect_args=args, pool_pre_ping=True, hide_parameters=True
        )
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _tune_sqlite)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._lock = threading.Lock()
        self.failures = 0
        self.last_failed = False
        self.schema_ready = False
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="logbook")
        self._queued = 0

    def create_schema(self) -> None:
        """Bring the tables to the latest schema (the migrations in ``ui/migrations``)."""
        from alembic.util import CommandError

        from ui import migrations

        try:
            with self._session():
                migrations.upgrade(self.engine)
        except CommandError as exc:  # e.g. a database a newer Verbatim has migrated
            raise LogbookError(f"the conversation log cannot be migrated: {exc}") from exc
        self.schema_ready = True

    def close(self, timeout: float = CLOSE_WAIT_S) -> None:
        """Write the answers still queued (for at most ``timeout`` seconds: past it the rest
        are dropped and counted), then close every pooled connection."""
        if not self.written(timeout):
            log.error("answer log: closing with answers still queued; they are dropped")
        self._writer.shutdown(wait=True, cancel_futures=True)
        self.engine.dispose()

    def record_later(self, entry: Entry) -> None:
        """Queue one answer for the writer thread: the caller does not wait for the database."""
        with self._lock:
            full = self._queued >= MAX_QUEUED
            if full:
                self.failures += 1
                self.last_failed = True
            else:
                self._queued += 1
        if full:
            log.error("could not log answer %s: %s answers already wait", entry.id, MAX_QUEUED)
            return
        try:
            job = self._writer.submit(self.record, entry)
        except RuntimeError:  # closed, the server is stopping: write it now, not never
            self._written()
            self.record(entry)
            return
        job.add_done_callback(self._written)

    def _written(self, job: Future[bool] | None = None) -> None:
        with self._lock:
            self._queued -= 1
            if job is not None and job.cancelled():  # dropped by close()
                self.failures += 1
                self.last_failed = True

    def written(self, timeout: float = WRITE_WAIT_S) -> bool:
        """Wait for the answers queued before now; False when the writer is still behind."""
        try:
            self._writer.submit(_nothing).result(timeout=timeout)
        except RuntimeError:  # closed: nothing waits any more (written or dropped)
            return True
        except TimeoutError:
            log.warning("the answer log is behind: this query may miss the newest answers")
            return False
        return True

    def record(self, entry: Entry) -> bool:
        """Store one answer; False (logged and counted) when the database failed."""
        try:
            if not self.schema_ready:  # the database was down at start-up
                self.create_schema()
            with self._session() as session, session.begin():
                session.add(_to_row(entry))
        except LogbookError as exc:
            self._failed()
            log.error("could not log answer %s: %s", entry.id, exc)
            return False
        except Exception:  # a bug: on the writer thread nobody else would ever see it
            self._failed()
            log.exception("could not log answer %s", entry.id)
            return False
        with self._lock:
            self.last_failed = False
        return True

    def _failed(self) -> None:
        with self._lock:
            self.failures += 1
            self.last_failed = True

    def rate(self, answer_id: str, rating: Rating, comment: str = "") -> None:
        """Store a visitor's feedback on an answer (the latest wins)."""
        with self._answers() as session, session.begin():
            row = _get(session, answer_id)
            row.rating, row.comment, row.rated_at = rating.value, comment, datetime.now(UTC)

    def unrate(self, answer_id: str) -> None:
        """Forget a visitor's feedback on an answer (they took their 👍/👎 back)."""
        with self._answers() as session, session.begin():
            row = _get(session, answer_id)
            row.rating = row.comment = row.rated_at = None

    def label(self, answer_id: str, verdict: Verdict, passage: Passage | None) -> None:
        """Store staff's verdict on an answer (the latest wins)."""
        with self._answers() as session, session.begin():
            row = _get(session, answer_id)
            row.verdict, row.labelled_at = verdict.value, datetime.now(UTC)
            row.label_passage = _passage_json(passage) if passage else None

    def entry(self, answer_id: str) -> Entry:
        """One logged answer."""
        with self._answers() as session:
            return _from_row(_get(session, answer_id))

    def entries(self, filters: Filters, *, limit: int | None = 50, offset: int = 0) -> list[Entry]:
        """Entries matching the filters, newest first."""
        query = select(_AnswerRow).where(*_conditions(filters))
        query = query.order_by(_AnswerRow.asked_at.desc(), _AnswerRow.id).offset(offset)
        with self._answers() as session:
            rows = session.scalars(query.limit(limit) if limit is not None else query)
            return [_from_row(r) for r in rows]

    def conversation(self, conversation_id: str) -> list[Entry]:
        """Every answer of one conversation, in the order they were given."""
        query = select(_AnswerRow).where(_AnswerRow.conversation_id == conversation_id)
        with self._answers() as session:
            rows = session.scalars(query.order_by(_AnswerRow.asked_at, _AnswerRow.id))
            return [_from_row(r) for r in rows]

    def labelled(self) -> list[Entry]:
        """Every entry staff have labelled, oldest first."""
        query = select(_AnswerRow).where(_AnswerRow.verdict.is_not(None))
        with self._answers() as session:
            return [_from_row(r) for r in session.scalars(query.order_by(_AnswerRow.asked_at))]

    def delete_conversation(self, conversation_id: str) -> int:
        """Delete one conversation at once; returns how many answers went."""
        query = delete(_AnswerRow).where(_AnswerRow.conversation_id == conversation_id)
        with self._answers() as session, session.begin():
            gone = int(session.execute(query).rowcount)  # type: ignore[attr-defined]
        self._empty_write_ahead_log()
        return gone

    def purge(self, *, before: datetime) -> int:
        """Delete every conversation with an answer older than ``before`` (the whole
        conversation, so staff never review half of one) and expired staff sessions."""
        expired = select(_AnswerRow.conversation_id).where(_AnswerRow.asked_at < before)
        query = delete(_AnswerRow).where(_AnswerRow.conversation_id.in_(expired))
        with self._answers() as session, session.begin():
            old = session.execute(query)
            gone = int(old.rowcount)  # type: ignore[attr-defined]
            session.execute(delete(_SessionRow).where(_SessionRow.expires_at < datetime.now(UTC)))
        self._empty_write_ahead_log()
        return gone

    def _empty_write_ahead_log(self) -> None:
        """After a deletion, move SQLite's write-ahead log into the file and empty it: the
        deleted answers' pages would otherwise stay readable there until overwritten."""
        if self.engine.dialect.name != "sqlite":
            return
        try:
            with self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except SQLAlchemyError as exc:  # readers still busy: the next deletion retries
            log.warning("answer log: write-ahead log not emptied: %s", type(exc).__name__)

    def start_session(self, token_hash: str, expires_at: datetime) -> None:
        """Remember a staff session by the hash of its token."""
        with self._session() as session, session.begin():
            session.add(_SessionRow(token_hash=token_hash, expires_at=expires_at))

    def session_valid(self, token_hash: str) -> bool:
        """Whether a staff session exists and has not expired."""
        with self._session() as session:
            row = session.get(_SessionRow, token_hash)
            return row is not None and row.expires_at > datetime.now(UTC)

    def end_session(self, token_hash: str) -> None:
        """Forget a staff session (sign-out)."""
        with self._session() as session, session.begin():
            session.execute(delete(_SessionRow).where(_SessionRow.token_hash == token_hash))

    @contextmanager
    def _answers(self) -> Iterator[Session]:
        """A session that sees every answer queued before it (never on the writer thread)."""
        self.written()
        with self._session() as session:
            yield session

    @contextmanager
    def _session(self) -> Iterator[Session]:
        try:
            with self._sessions() as session:
                yield session
        except SQLAlchemyError as exc:
            reason = exc.orig if isinstance(exc, DBAPIError) else type(exc).__name__
            raise LogbookError(f"the conversation log database failed: {reason}") from exc


def _tune_sqlite(connection: Any, _record: object) -> None:
    """SQLite settings for a log of health data, on each new connection.

    WAL lets staff read while answers are written, and with synchronous=NORMAL a commit
    needs no disk flush (a power cut may lose the last answers, never the file): writing an
    answer went from 5.6 ms to 0.9 ms. secure_delete overwrites what retention and staff
    delete instead of leaving it in free pages.
    """
    cursor = connection.cursor()
    try:
        for pragma in ("secure_delete=ON", "journal_mode=WAL", "synchronous=NORMAL"):
            try:
                cursor.execute(f"PRAGMA {pragma}")
            except sqlite3.Error as exc:  # e.g. a read-only file not in WAL mode: keep it
                log.warning("answer log: SQLite setting %s not applied: %s", pragma, exc)
    finally:
        cursor.close()


def _nothing() -> None:
    """A job for the writer thread that only marks a point in its queue."""


def _get(session: Session, answer_id: str) -> _AnswerRow:
    row = session.get(_AnswerRow, answer_id)
    if row is None:
        raise UnknownAnswerError(f"no logged answer has id {answer_id!r}")
    return row


def _conditions(filters: Filters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.kind is not None:
        conditions.append(_AnswerRow.kind == filters.kind.value)
    if filters.rating is not None:
        conditions.append(_AnswerRow.rating == filters.rating.value)
    if filters.unrated:
        conditions.append(_AnswerRow.rating.is_(None))
    if filters.score_below is not None:
        conditions.append(_AnswerRow.top_score < filters.score_below)
    if filters.since is not None:
        conditions.append(_AnswerRow.asked_at >= filters.since)
    if filters.until is not None:
        conditions.append(_AnswerRow.asked_at < filters.until)
    if filters.text.strip():
        conditions.append(_AnswerRow.question.icontains(filters.text.strip(), autoescape=True))
    return conditions


def _passage_json(passage: Passage) -> dict[str, Any]:
    return {**dataclasses.asdict(passage), "score": float(passage.score)}  # numpy → JSON


def _passage_from_json(data: dict[str, Any]) -> Passage:
    highlight = data.get("highlight")
    return Passage(
        **{
            **data,
            "sentences": tuple(tuple(s) for s in data.get("sentences", ())),
            "highlight": tuple(highlight) if highlight else None,
        }
    )


def _to_row(entry: Entry) -> _AnswerRow:
    return _AnswerRow(
        id=entry.id,
        asked_at=entry.time,
        conversation_id=entry.conversation_id,
        question=entry.question,
        kind=entry.kind.value,
        message=entry.message,
        passages=[_passage_json(p) for p in entry.passages],
        suggestions=list(entry.suggestions),
        top_score=entry.top_score,
        latency_ms=entry.latency_ms,
        model=entry.model,
        index_hash=entry.index_hash,
    )


def _from_row(row: _AnswerRow) -> Entry:
    feedback = label = None
    if row.rating is not None and row.rated_at is not None:
        feedback = Feedback(Rating(row.rating), row.comment or "", row.rated_at)
    if row.verdict is not None and row.labelled_at is not None:
        passage = _passage_from_json(row.label_passage) if row.label_passage else None
        label = Label(Verdict(row.verdict), passage, row.labelled_at)
    return Entry(
        id=row.id,
        time=row.asked_at,
        conversation_id=row.conversation_id,
        question=row.question,
        kind=Kind(row.kind),
        message=row.message,
        passages=tuple(_passage_from_json(p) for p in row.passages),
        suggestions=tuple(row.suggestions),
        latency_ms=row.latency_ms,
        model=row.model,
        index_hash=row.index_hash,
        feedback=feedback,
        label=label,
    )


async def purge_forever(logbook: Logbook, *, retention: timedelta, every: float = 3600) -> None:
    """Delete what is older than ``retention`` every ``every`` seconds (start-up purges once).

    Retention is a promise about health data: no error may end the loop quietly.
    """
    while True:
        await asyncio.sleep(every)
        try:
            await asyncio.to_thread(purge_expired, logbook, retention=retention)
        except Exception:
            log.exception("retention purge failed; trying again in %.0f s", every)


def purge_expired(logbook: Logbook, *, retention: timedelta) -> int:
    """One retention pass; a failing database is logged and tried again next time."""
    try:
        gone = logbook.purge(before=datetime.now(UTC) - retention)
    except LogbookError as exc:
        log.error("retention purge failed: %s", exc)
        return 0
    if gone:
        log.info("retention: deleted %d answers of conversations older than %s", gone, retention)
    return gone
