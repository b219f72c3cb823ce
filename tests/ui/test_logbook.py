"""The answer log on a real SQLite file in a temporary directory, with tiny answers."""

from __future__ import annotations

import asyncio
import dataclasses
import sqlite3
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from corpus.passage import Passage
from retrieval.answer import Answer, Kind
from ui.errors import LogbookError, UnknownAnswerError
from ui.logbook import (
    Entry,
    Filters,
    Logbook,
    Rating,
    Verdict,
    new_entry,
    purge_expired,
    purge_forever,
)

TEXT = "Ketamine is fast. Relief comes within hours."


def _passage(score: float = 0.5) -> Passage:
    return Passage("d", "The Article", "Ketamine", TEXT, 10, 10 + len(TEXT),
                   ((10, 27), (28, 10 + len(TEXT))), score, (28, 10 + len(TEXT)))  # fmt: skip


def _entry(question: str, kind: Kind = Kind.ANSWER, *, days_ago: float = 0, **kw: object) -> Entry:
    passages = [_passage()] if kind is Kind.ANSWER else []
    entry = new_entry(
        Answer(kind, "Here is what the article says:", passages, "Not advice."),
        question=question,
        conversation_id=str(kw.pop("conversation", "c1")),
        latency_ms=12.5,
        model="mini",
        index_hash="abc",
    )
    return dataclasses.replace(entry, time=entry.time - timedelta(days=days_ago), **kw)


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Another connection holds the SQLite file's write lock for the duration."""
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        holder.rollback()
        holder.close()


def _book(tmp_path: Path, busy_timeout: float) -> Logbook:
    book = Logbook(f"sqlite:///{tmp_path / 'log.db'}", busy_timeout=busy_timeout)
    book.create_schema()
    return book


@pytest.fixture
def logbook(database_url: str) -> Iterator[Logbook]:
    """An empty log on SQLite, then on PostgreSQL: what the log does, it does on both."""
    book = Logbook(database_url)
    book.create_schema()
    yield book
    book.close()


@pytest.fixture
def sqlite_logbook(tmp_path: Path) -> Logbook:
    """An empty log in ``tmp_path / "log.db"``, for what only a file can show."""
    book = Logbook(f"sqlite:///{tmp_path / 'log.db'}")
    book.create_schema()
    return book


def test_an_answer_comes_back_as_the_visitor_saw_it(logbook: Logbook) -> None:
    entry = _entry("how fast is ketamine?")
    assert logbook.record(entry)
    back = logbook.entry(entry.id)
    assert back == entry
    assert back.passages[0].highlight_text == "Relief comes within hours."
    assert back.top_score == 0.5


def test_feedback_and_labels_are_stored_and_the_latest_wins(logbook: Logbook) -> None:
    entry = _entry("how fast is ketamine?")
    logbook.record(entry)
    logbook.rate(entry.id, Rating.UP)
    logbook.rate(entry.id, Rating.DOWN, "not what I asked")
    logbook.label(entry.id, Verdict.WRONG_PASSAGE, _passage(0.0))
    back = logbook.entry(entry.id)
    assert back.feedback is not None and back.feedback.rating is Rating.DOWN
    assert back.feedback.comment == "not what I asked"
    assert back.label is not None and back.label.verdict is Verdict.WRONG_PASSAGE
    assert back.label.passage == _passage(0.0)
    assert logbook.labelled() == [back]


def test_unknown_answer_ids_are_an_error(logbook: Logbook) -> None:
    with pytest.raises(UnknownAnswerError, match="no logged answer has id 'nope'"):
        logbook.rate("nope", Rating.UP)


def test_filters_select_what_staff_ask_for(logbook: Logbook) -> None:
    entries = [
        _entry("what is CBT?", days_ago=3),
        _entry("do you take insurance?", Kind.NOT_FOUND, days_ago=1),
        _entry("I want to die", Kind.CRISIS, days_ago=0.5),
        _entry("what is 100% ketamine?", passages=(_passage(0.2),)),
    ]
    for entry in entries:
        logbook.record(entry)
    logbook.rate(entries[1].id, Rating.DOWN)

    def questions(**filters: object) -> list[str]:
        return [e.question for e in logbook.entries(Filters(**filters))]  # type: ignore[arg-type]

    assert questions() == [e.question for e in reversed(entries)]  # newest first
    assert questions(kind=Kind.CRISIS) == ["I want to die"]
    assert questions(rating=Rating.DOWN) == ["do you take insurance?"]
    assert "do you take insurance?" not in questions(unrated=True)
    assert questions(score_below=0.3) == ["what is 100% ketamine?"]
    assert questions(text="100%") == ["what is 100% ketamine?"]  # % is not a wildcard
    assert questions(text="INSURANCE") == ["do you take insurance?"]
    two_days_ago = datetime.now(UTC) - timedelta(days=2)
    assert questions(until=two_days_ago) == ["what is CBT?"]
    assert "what is CBT?" not in questions(since=two_days_ago)
    assert len(logbook.entries(Filters(), limit=2)) == 2
    assert [e.question for e in logbook.entries(Filters(), limit=1, offset=3)] == ["what is CBT?"]


def test_retention_deletes_old_answers_only(logbook: Logbook) -> None:
    logbook.record(_entry("old question", days_ago=31, conversation="old"))
    logbook.record(_entry("new question", days_ago=29, conversation="new"))
    assert purge_expired(logbook, retention=timedelta(days=30)) == 1
    assert [e.question for e in logbook.entries(Filters())] == ["new question"]


def test_retention_deletes_a_conversation_spanning_the_limit_whole(logbook: Logbook) -> None:
    logbook.record(_entry("asked before midnight", days_ago=30.01, conversation="late"))
    logbook.record(_entry("asked after midnight", days_ago=29.99, conversation="late"))
    logbook.record(_entry("another visitor", days_ago=29.99, conversation="other"))
    assert purge_expired(logbook, retention=timedelta(days=30)) == 2
    assert [e.question for e in logbook.entries(Filters())] == ["another visitor"]


def test_a_conversation_is_deleted_at_once(logbook: Logbook) -> None:
    for entry in (_entry("a"), _entry("b"), _entry("c", conversation="other")):
        logbook.record(entry)
    assert [e.question for e in logbook.conversation("c1")] == ["a", "b"]
    assert logbook.delete_conversation("c1") == 2
    assert [e.question for e in logbook.entries(Filters())] == ["c"]


def test_sessions_expire_and_end(logbook: Logbook) -> None:
    now = datetime.now(UTC)
    logbook.start_session("live", now + timedelta(hours=1))
    logbook.start_session("expired", now - timedelta(seconds=1))
    assert logbook.session_valid("live")
    assert not logbook.session_valid("expired")
    assert not logbook.session_valid("never")
    logbook.end_session("live")
    assert not logbook.session_valid("live")


def test_a_read_only_database_fails_softly_when_recording(
    sqlite_logbook: Logbook, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    earlier = _entry("what is CBT?")
    sqlite_logbook.record(earlier)
    read_only = Logbook(f"sqlite:///file:{tmp_path / 'log.db'}?mode=ro&uri=true")
    read_only.create_schema()  # the tables exist: nothing to write
    assert not read_only.record(_entry("my private question"))
    assert read_only.record(_entry("and again?")) is False
    assert (read_only.failures, read_only.last_failed) == (2, True)
    assert "readonly database" in caplog.text
    assert "my private question" not in caplog.text  # health data stays out of the logs
    with pytest.raises(LogbookError, match="attempt to write a readonly database"):
        read_only.rate(earlier.id, Rating.UP)


def test_a_locked_database_fails_softly_and_recovers(tmp_path: Path) -> None:
    book = _book(tmp_path, busy_timeout=0.1)
    with _locked(tmp_path / "log.db"):
        assert not book.record(_entry("while locked"))
    assert book.record(_entry("after"))
    assert (book.failures, book.last_failed) == (1, False)


def test_an_answer_queued_for_the_writer_is_seen_by_the_next_query(logbook: Logbook) -> None:
    entries = [_entry(f"question {n}?") for n in range(20)]
    for entry in entries:
        logbook.record_later(entry)
    logbook.rate(entries[-1].id, Rating.UP)  # feedback right after the answer: no 404
    stored = logbook.entries(Filters(), limit=None)
    assert {e.id for e in stored} == {e.id for e in entries}
    assert logbook.entry(entries[-1].id).feedback is not None


def test_a_query_waits_no_longer_than_its_limit_for_a_stuck_writer(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    book = _book(tmp_path, busy_timeout=1.0)
    with _locked(tmp_path / "log.db"):
        book.record_later(_entry("while locked"))  # the writer waits up to 1 s for the lock
        assert book.written(timeout=0.05) is False
        assert "the answer log is behind" in caplog.text
    # Released within the writer's busy timeout: the answer is kept.
    assert book.written()
    assert [e.question for e in book.entries(Filters())] == ["while locked"]
    assert book.failures == 0


def test_answers_past_the_queue_limit_are_dropped_and_counted(
    logbook: Logbook, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr("ui.logbook.MAX_QUEUED", 0)  # as if the writer were far behind
    logbook.record_later(_entry("one too many"))
    assert (logbook.failures, logbook.last_failed) == (1, True)
    assert "answers already wait" in caplog.text and "one too many" not in caplog.text
    assert logbook.entries(Filters()) == []


def test_closing_writes_what_is_queued_and_later_answers_are_written_at_once(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'log.db'}"
    book = Logbook(url)
    book.create_schema()
    book.record_later(_entry("before closing"))
    book.close()
    book.record_later(_entry("while stopping"))  # a request still in flight at shutdown
    reopened = Logbook(url)
    assert sorted(e.question for e in reopened.entries(Filters())) == [
        "before closing",
        "while stopping",
    ]
    reopened.close()


def test_closing_drops_and_counts_what_a_stuck_writer_cannot_write(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    book = _book(tmp_path, busy_timeout=0.5)
    with _locked(tmp_path / "log.db"):
        for n in range(5):
            book.record_later(_entry(f"queued {n}"))
        book.close(timeout=0.1)  # one answer is being tried; four are dropped
    assert "they are dropped" in caplog.text
    assert book.failures == 5 and book.last_failed


def test_an_unexpected_error_while_recording_is_logged_and_counted(
    logbook: Logbook, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(entry: Entry) -> None:
        raise ValueError("a bug")

    monkeypatch.setattr("ui.logbook._to_row", broken)
    logbook.record_later(_entry("what is CBT?"))
    assert logbook.written()
    assert (logbook.failures, logbook.last_failed) == (1, True)
    assert "could not log answer" in caplog.text and "ValueError" in caplog.text


@pytest.mark.parametrize("how", ["conversation", "retention"])
def test_deleted_answers_leave_no_trace_in_the_files(
    sqlite_logbook: Logbook, tmp_path: Path, how: str
) -> None:
    sqlite_logbook.record(
        _entry("my secret question about lithium", conversation="gone", days_ago=40)
    )
    sqlite_logbook.record(_entry("what is CBT?", conversation="kept"))

    def files() -> bytes:
        return b"".join(path.read_bytes() for path in tmp_path.glob("log.db*"))

    assert b"my secret question" in files()
    if how == "conversation":
        assert sqlite_logbook.delete_conversation("gone") == 1
    else:
        assert sqlite_logbook.purge(before=datetime.now(UTC) - timedelta(days=30)) == 1
    assert b"my secret question" not in files()  # neither in the file nor in its WAL
    assert [e.question for e in sqlite_logbook.entries(Filters())] == ["what is CBT?"]


def test_a_database_down_at_start_is_retried_with_each_answer(tmp_path: Path) -> None:
    book = Logbook(f"sqlite:///{tmp_path / 'missing' / 'log.db'}")
    with pytest.raises(LogbookError):
        book.create_schema()
    assert not book.record(_entry("while down"))
    (tmp_path / "missing").mkdir()
    assert book.record(_entry("once up"))
    assert [e.question for e in book.entries(Filters())] == ["once up"]


def test_the_hourly_purge_outlives_an_unexpected_error(
    logbook: Logbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    logbook.record(_entry("old", days_ago=40))
    calls = []
    real_purge = logbook.purge

    def flaky_purge(*, before: datetime) -> int:
        calls.append(before)
        if len(calls) == 1:
            raise RuntimeError("a bug, not a database error")
        return real_purge(before=before)

    monkeypatch.setattr(logbook, "purge", flaky_purge)

    async def run_a_while() -> None:
        task = asyncio.create_task(purge_forever(logbook, retention=timedelta(days=30), every=0.01))
        while len(calls) < 2:
            await asyncio.sleep(0.01)
        task.cancel()

    # A thread of its own: the browser tests may leave an event loop running in this one.
    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, asyncio.wait_for(run_a_while(), timeout=10)).result()
    assert logbook.entries(Filters(), limit=None) == []  # the second pass deleted it
