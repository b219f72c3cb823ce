"""Logging, feedback and the staff console through the real app, model and a SQLite file."""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from retrieval.answer import Answer, Kind
from retrieval.answerer import Answerer
from scripts.cli import cli
from ui.api import create_app
from ui.logbook import Filters, Logbook, new_entry
from ui.settings import Settings, get_settings
from ui.staff import clip

PASSWORD = "a long staff password"
STAFF = ("staff", PASSWORD)


def _settings(data_dir: Path, **kw: object) -> Settings:
    return Settings(data_dir=data_dir, staff_password=PASSWORD, **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("staff-data")


@pytest.fixture(scope="module")
def client(answerer: Answerer, data_dir: Path) -> Iterator[TestClient]:
    with TestClient(create_app(_settings(data_dir), answerer=answerer)) as test_client:
        yield test_client


def _all_written(client: TestClient) -> None:
    """Wait for the log's writer thread to store (or fail to store) the answers so far."""
    logbook: Logbook = client.app.state.logbook  # type: ignore[attr-defined]
    assert logbook.written(timeout=10)


def _ask(client: TestClient, question: str, **body: object) -> dict[str, object]:
    response = client.post("/api/ask", json={"question": question, **body})
    assert response.status_code == 200
    result: dict[str, object] = response.json()
    return result


def _logged(client: TestClient, answer_id: object) -> dict[str, object]:
    items = client.get("/api/staff/conversations?limit=200", auth=STAFF).json()
    return next(item for item in items if item["id"] == answer_id)


def test_every_answer_is_logged_without_identifying_the_visitor(
    client: TestClient, data_dir: Path
) -> None:
    body = _ask(client, "What is CBT?", conversation_id="chat-1")
    assert body["conversation_id"] == "chat-1"
    item = _logged(client, body["id"])
    assert item["question"] == "What is CBT?"
    assert (item["kind"], item["conversation_id"], item["feedback"]) == ("answer", "chat-1", None)
    assert item["passages"][0]["section"] == "Talk Therapy"
    assert item["latency_ms"] > 0
    client.post(
        "/api/ask",
        json={"question": "what is catastrophizing?"},
        headers={"user-agent": "UniqueAgent/9.9", "cookie": "tracker=uniquecookie"},
    )
    _all_written(client)
    # The database and its write-ahead log, where the newest answers are until checkpoint.
    stored = b"".join(path.read_bytes() for path in data_dir.glob("verbatim.db*"))
    assert b"catastrophizing" in stored
    for identifier in (b"UniqueAgent", b"uniquecookie", b"testclient"):
        assert identifier not in stored


def test_a_conversation_id_is_made_when_absent_and_validated(client: TestClient) -> None:
    first, second = _ask(client, "What is CBT?"), _ask(client, "What is CBT?")
    assert first["conversation_id"] != second["conversation_id"]
    for bad in ("has space", "x" * 65, "", "a/b"):
        response = client.post(
            "/api/ask", json={"question": "What is CBT?", "conversation_id": bad}
        )
        assert response.status_code == 422
        assert "conversation_id" in response.json()["detail"]


def test_feedback_round_trip(client: TestClient) -> None:
    body = _ask(client, "how fast does ketamine work?")
    answer_id = body["id"]
    assert (
        client.post("/api/feedback", json={"answer_id": answer_id, "rating": "up"}).status_code
        == 204
    )
    down = {"answer_id": answer_id, "rating": "down", "comment": "  too vague  "}
    assert client.post("/api/feedback", json=down).status_code == 204
    assert _logged(client, answer_id)["feedback"]["rating"] == "down"
    assert _logged(client, answer_id)["feedback"]["comment"] == "too vague"


def test_feedback_on_an_unknown_answer_is_404(client: TestClient) -> None:
    response = client.post("/api/feedback", json={"answer_id": "nope", "rating": "up"})
    assert response.status_code == 404
    assert "nope" in response.json()["detail"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"answer_id": "a1", "rating": "meh"}, "rating"),
        ({"answer_id": "a1", "rating": "down", "comment": "x" * 1001}, "comment"),
        ({"answer_id": "a 1", "rating": "up"}, "answer_id"),
        ({"rating": "up"}, "answer_id: Field required"),
        ({"answer_id": "a1", "rating": "up", "ip": "1.2.3.4"}, "ip"),
    ],
)
def test_bad_feedback_is_a_readable_422(
    client: TestClient, body: dict[str, object], expected: str
) -> None:
    response = client.post("/api/feedback", json=body)
    assert response.status_code == 422
    assert expected in response.json()["detail"]


def test_health_reports_logging(client: TestClient) -> None:
    assert client.get("/api/health").json()["logging"] == {"status": "ok", "failures": 0}


def test_staff_api_needs_the_password(client: TestClient) -> None:
    response = client.get("/api/staff/conversations")
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Basic")
    assert client.get("/api/staff/conversations", auth=("admin", PASSWORD)).status_code == 401
    assert client.get("/api/staff/conversations", auth=("staff", "wrong")).status_code == 401
    listed = client.get("/api/staff/conversations?limit=2", auth=STAFF)
    assert listed.status_code == 200
    assert len(listed.json()) == 2
    assert listed.json()[0]["time"] >= listed.json()[1]["time"]  # newest first
    assert listed.headers["cache-control"] == "no-store"


def test_labels_export_is_read_by_verbatim_eval(
    client: TestClient,
    answerer: Answerer,
    index_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cbt = _ask(client, "What is CBT?")
    wrong = _ask(client, "how fast does ketamine work?")
    insurance = _ask(client, "does insurance cover ketamine?")
    right = next(p for p in answerer.index.passages if "relief within hours or days" in p.text)
    for answer, label in (
        (cbt, {"verdict": "correct"}),
        (wrong, {"verdict": "wrong_passage", "passage_id": right.id}),
        (insurance, {"verdict": "should_refuse"}),
    ):
        path = f"/api/staff/answers/{answer['id']}/label"
        assert client.post(path, json=label, auth=STAFF).status_code == 204
    missing = client.post(
        f"/api/staff/answers/{cbt['id']}/label", json={"verdict": "should_answer"}, auth=STAFF
    )
    assert missing.status_code == 422
    assert "needs the right passage" in missing.json()["detail"]

    export = client.get("/api/staff/export/labels.jsonl", auth=STAFF)
    rows = [json.loads(line) for line in export.text.splitlines()]
    assert {"question": "does insurance cover ketamine?", "category": "unanswered"} in rows
    labels = tmp_path / "labels.jsonl"
    labels.write_text(export.text, encoding="utf-8")

    data = tmp_path / "data"
    data.mkdir()
    (data / "index").symlink_to(index_dir)  # the session's index: nothing is rebuilt
    monkeypatch.setenv("VERBATIM_DATA_DIR", str(data))
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["eval", "--json", str(labels)])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["counts"]["answerable"] == 2
    assert report["counts"]["unanswered"] == 1
    assert report["metrics"]["hit@3"] == 1.0


def test_retention_purges_old_answers_on_start(answerer: Answerer, tmp_path: Path) -> None:
    settings = _settings(tmp_path, retention_days=7)
    with TestClient(create_app(settings, answerer=answerer)):
        pass  # creates the database
    logbook = Logbook(settings.logbook_url)
    answer = Answer(Kind.NOT_FOUND, "The article does not cover that question.", [], "d")
    for days, question in ((8, "old question"), (6, "recent question")):
        entry = new_entry(answer, question=question, conversation_id=question.split()[0],
                          latency_ms=1.0, model="m", index_hash="h")  # fmt: skip
        entry = type(entry)(**{**entry.__dict__, "id": question.split()[0],
                               "time": entry.time - timedelta(days=days)})  # fmt: skip
        assert logbook.record(entry)
    with TestClient(create_app(settings, answerer=answerer)) as client:
        items = client.get("/api/staff/conversations", auth=STAFF).json()
    assert [i["question"] for i in items] == ["recent question"]


def test_staff_can_delete_a_conversation(client: TestClient) -> None:
    _ask(client, "What is CBT?", conversation_id="to-delete")
    _ask(client, "what is catastrophizing?", conversation_id="to-delete")
    path = "/api/staff/conversations/to-delete"
    assert len(client.get(path, auth=STAFF).json()) == 2
    assert client.delete(path, auth=STAFF).status_code == 204
    assert client.get(path, auth=STAFF).status_code == 404


def test_an_unwritable_database_never_stops_answers(answerer: Answerer, tmp_path: Path) -> None:
    Logbook(f"sqlite:///{tmp_path / 'log.db'}").create_schema()
    url = f"sqlite:///file:{tmp_path / 'log.db'}?mode=ro&uri=true"
    with TestClient(create_app(_settings(tmp_path, database_url=url), answerer=answerer)) as c:
        for _ in range(2):
            body = _ask(c, "What is CBT?")
            assert body["kind"] == "answer"
        _all_written(c)
        assert c.get("/api/health").json()["logging"] == {"status": "failing", "failures": 2}
        feedback = c.post("/api/feedback", json={"answer_id": body["id"], "rating": "up"})
        assert feedback.status_code == 404  # it was never logged


def test_a_locked_database_is_counted_and_recovers(client: TestClient, data_dir: Path) -> None:
    before = client.get("/api/health").json()["logging"]["failures"]
    earlier = _ask(client, "What is CBT?")["id"]
    _all_written(client)
    holder = sqlite3.connect(data_dir / "verbatim.db")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        started = time.perf_counter()
        assert _ask(client, "what is catastrophizing?")["kind"] == "answer"
        assert time.perf_counter() - started < 5
        _all_written(client)
        logging_health = client.get("/api/health").json()["logging"]
        assert logging_health == {"status": "failing", "failures": before + 1}
        rated = client.post("/api/feedback", json={"answer_id": earlier, "rating": "up"})
        assert rated.status_code == 503
        # The write-ahead log lets staff read while another connection writes.
        assert _logged(client, earlier)["question"] == "What is CBT?"
    finally:
        holder.rollback()
        holder.close()
    _ask(client, "what is catastrophizing?")
    _all_written(client)
    assert client.get("/api/health").json()["logging"]["status"] == "ok"


def test_gaps_group_refused_questions(client: TestClient) -> None:
    for question in (
        "does insurance pay for ketamine?",
        "is ketamine treatment covered by insurance?",
        "is ketamine covered by health insurance",
        "what is the capital of France?",
        "thank you!",
    ):
        _ask(client, question)
    gaps = client.get("/api/staff/gaps", auth=STAFF).json()
    assert "thank you!" not in {item["question"] for gap in gaps for item in gap}
    largest = {item["question"] for item in gaps[0]}
    assert "is ketamine treatment covered by insurance?" in largest
    assert "what is the capital of France?" not in largest
    assert all(item["kind"] == "not_found" or item["feedback"] for gap in gaps for item in gap)


def test_quality_counts_todays_questions(client: TestClient) -> None:
    today = client.get("/api/staff/quality?days=3", auth=STAFF).json()[-1]
    items = client.get("/api/staff/conversations?limit=1000", auth=STAFF).json()
    assert today["questions"] == len([i for i in items if i["time"][:10] == today["day"]])
    assert 0 < today["answered"] < 1


def test_console_requires_sign_in_and_sets_a_strict_cookie(client: TestClient) -> None:
    client.cookies.clear()
    page = client.get("/staff", follow_redirects=False)
    assert (page.status_code, page.headers["location"]) == (303, "/staff/sign-in")
    sign_in = client.get("/staff/sign-in")
    assert sign_in.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in sign_in.headers["content-security-policy"]
    wrong = client.post("/staff/sign-in", data={"password": "nope"}, follow_redirects=False)
    assert wrong.status_code == 401
    assert "not right" in wrong.text
    ok = client.post("/staff/sign-in", data={"password": PASSWORD}, follow_redirects=False)
    assert ok.status_code == 303
    cookie = ok.headers["set-cookie"].lower()
    for flag in ("httponly", "samesite=strict", "max-age=28800", "path=/"):
        assert flag in cookie
    assert "secure" not in cookie  # plain http on loopback; https below
    console = client.get("/staff")
    assert console.status_code == 200
    assert console.headers["x-frame-options"] == "DENY"
    assert console.headers["cache-control"] == "no-store"
    for path in ("/staff/gaps", "/staff/quality", "/staff/evaluate"):
        assert client.get(path).status_code == 200
    assert client.get("/staff/quality.png").content.startswith(b"\x89PNG")
    assert client.get("/staff/export/conversations.csv").text.startswith("id,time,")
    token = client.cookies["verbatim_staff"]
    client.post("/staff/sign-out")
    client.cookies.set("verbatim_staff", token)  # a copied cookie dies with the session
    assert client.get("/staff", follow_redirects=False).status_code == 303
    client.cookies.clear()


def test_cross_site_changes_are_refused(client: TestClient) -> None:
    response = client.post(
        "/staff/sign-in", data={"password": PASSWORD}, headers={"sec-fetch-site": "cross-site"}
    )
    assert response.status_code == 403


def test_cookie_is_secure_over_https_and_sessions_expire(
    answerer: Answerer, tmp_path: Path
) -> None:
    settings = _settings(tmp_path, staff_session_hours=0.0003)  # about one second
    app = create_app(settings, answerer=answerer)
    with TestClient(app, base_url="https://testserver") as client:
        ok = client.post("/staff/sign-in", data={"password": PASSWORD}, follow_redirects=False)
        assert "secure" in ok.headers["set-cookie"].lower()
        assert client.get("/staff", follow_redirects=False).status_code == 200
        time.sleep(1.2)
        assert client.get("/staff", follow_redirects=False).status_code == 303


def test_failed_sign_ins_are_rate_limited(answerer: Answerer, tmp_path: Path) -> None:
    with TestClient(create_app(_settings(tmp_path), answerer=answerer)) as client:
        for _ in range(5):
            assert client.post("/staff/sign-in", data={"password": "guess"}).status_code == 401
        limited = client.post("/staff/sign-in", data={"password": PASSWORD})
        assert limited.status_code == 429
        assert int(limited.headers["retry-after"]) > 0
        assert client.get("/api/staff/conversations", auth=STAFF).status_code == 429


def test_without_a_password_the_console_is_404(
    answerer: Answerer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="verbatim")
    app = create_app(Settings(data_dir=tmp_path), answerer=answerer)
    assert "VERBATIM_STAFF_PASSWORD is not set" in caplog.text
    with TestClient(app) as client:
        for path in ("/staff", "/staff/sign-in", "/api/staff/conversations"):
            response = client.get(path, auth=STAFF)
            assert response.status_code == 404
            assert "disabled" in response.json()["detail"]
        assert client.post("/staff/sign-in", data={"password": ""}).status_code == 404
        assert "disabled" in client.put("/api/staff/conversations").json()["detail"]


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"staff_password": "short"}, "at least 12 characters"),
        ({"retention_days": 0}, "retention_days"),
    ],
)
def test_unsafe_settings_are_refused(
    tmp_path: Path, settings: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        Settings(data_dir=tmp_path, **settings)  # type: ignore[arg-type]


def test_an_empty_password_means_no_console(tmp_path: Path) -> None:
    assert Settings(data_dir=tmp_path, staff_password="").staff_password is None


def test_evaluate_runs_labels_and_the_dev_set(client: TestClient) -> None:
    report = client.post("/api/staff/evaluate", auth=STAFF).json()
    assert "labelled questions + eval/dev.jsonl" in report["examples"]
    assert report["counts"]["answerable"] >= 68
    assert 0.8 < report["metrics"]["hit@3"] <= 1.0
    assert all({"question", "category", "got"} <= set(m) for m in report["misses"])


def test_the_logbook_holds_what_the_api_lists(client: TestClient, data_dir: Path) -> None:
    logbook = Logbook(f"sqlite:///{data_dir / 'verbatim.db'}")
    listed = client.get("/api/staff/conversations?limit=5", auth=STAFF).json()
    assert [e.id for e in logbook.entries(Filters(), limit=5)] == [i["id"] for i in listed]


def _make_read_only(path: Path) -> None:
    """Make a SQLite file unwritable for everyone, root included: SQLite treats a file whose
    write-version byte (offset 18) is above 2 as read-only (sqlite.org/fileformat.html).
    The write-ahead log is emptied into the file first, or the header would be read from it;
    open connections keep theirs cached, so the caller must reconnect."""
    checkpoint = sqlite3.connect(path)
    try:
        checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        checkpoint.close()
    with path.open("r+b") as file:
        header = bytearray(file.read(100))
        header[18] = 3
        header[24:28] = (int.from_bytes(header[24:28], "big") + 1).to_bytes(4, "big")
        file.seek(0)
        file.write(header)


def test_a_database_made_unwritable_while_serving_never_stops_answers(
    answerer: Answerer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with TestClient(create_app(_settings(tmp_path), answerer=answerer)) as c:
        before = _ask(c, "What is CBT?")
        assert c.get("/api/health").json()["logging"] == {"status": "ok", "failures": 0}
        _make_read_only(tmp_path / "verbatim.db")
        c.app.state.logbook.engine.dispose()  # type: ignore[attr-defined]  # as on a restart
        probe = sqlite3.connect(tmp_path / "verbatim.db")
        try:
            with pytest.raises(sqlite3.OperationalError, match="readonly"):  # really unwritable
                probe.execute("DELETE FROM answers")
        finally:
            probe.close()
        for question in ("what is catastrophizing?", "does insurance cover ketamine?"):
            response = c.post("/api/ask", json={"question": question})
            assert response.status_code == 200
            assert response.json()["message"]
        _all_written(c)
        assert c.get("/api/health").json()["logging"] == {"status": "failing", "failures": 2}
        listed = c.get("/api/staff/conversations", auth=STAFF).json()  # reading still works
        assert [i["id"] for i in listed] == [before["id"]]
        rated = c.post("/api/feedback", json={"answer_id": before["id"], "rating": "up"})
        assert rated.status_code == 503
    failures = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len(failures) == 3  # two answers and the feedback: none failed silently
    assert all("readonly database" in message for message in failures)
    assert "catastrophizing" not in caplog.text  # the questions stay out of the server log


def _sign_in(client: TestClient) -> None:
    response = client.post("/staff/sign-in", data={"password": PASSWORD}, follow_redirects=False)
    assert response.status_code == 303


def test_the_console_shows_what_visitors_typed_as_text(client: TestClient) -> None:
    body = _ask(client, "<script>alert('x')</script> what is <b>CBT</b>?", conversation_id="xss")
    _ask(client, "I don't want to live anymore", conversation_id="xss")
    feedback = {"answer_id": body["id"], "rating": "down", "comment": '"><img src=x onerror=1>'}
    assert client.post("/api/feedback", json=feedback).status_code == 204
    _sign_in(client)
    try:
        for path in ("/staff", "/staff/conversations/xss", "/staff/gaps"):
            page = client.get(path).text
            assert "&lt;script&gt;alert(" in page
            assert "<script>" not in page and "<b>CBT" not in page
            assert "<img src=x" not in page
        conversation = client.get("/staff/conversations/xss").text
        assert "Call 911" in conversation  # the crisis answer lists the lines the visitor saw
    finally:
        client.cookies.clear()


def test_clip_cuts_long_text_with_an_ellipsis() -> None:
    assert clip("what is CBT?") == "what is CBT?"
    assert clip("x" * 200) == "x" * 200
    assert clip("x" * 999) == "x" * 199 + "…"
    assert clip("word " * 100, 11) == "word word…"  # no space left before the ellipsis


def test_lists_show_the_start_of_long_text_and_keep_the_whole_of_it(
    client: TestClient, answerer: Answerer
) -> None:
    question, comment = "Q" * 999, "C" * 1000
    body = _ask(client, question, conversation_id="long-text")
    _all_written(client)
    feedback = {"answer_id": body["id"], "rating": "down", "comment": comment}
    assert client.post("/api/feedback", json=feedback).status_code == 204
    short_question, short_comment = "Q" * 199 + "…", "C" * 199 + "…"
    _sign_in(client)
    try:
        listed = client.get("/staff?q=QQQQ").text
        assert f'<span title="{question}">{short_question}</span>' in listed
        assert f'<span title="{comment}">{short_comment}</span>' in listed
        gaps = client.get("/staff/gaps").text
        assert f'<span title="{question}">{short_question}</span>' in gaps
        conversation = client.get("/staff/conversations/long-text").text
        assert f"Visitor: {question}</h2>" in conversation  # the whole of it, wrapped
        assert f"“{comment}”" in conversation
        label = {"verdict": "should_answer", "passage_id": answerer.index.passages[0].id}
        client.post(f"/staff/answers/{body['id']}/label", data=label)
        misses = client.post("/staff/evaluate").text  # a labelled question the index misses
        assert f'<td class="said"><span title="{question}">{short_question}</span></td>' in misses
    finally:
        client.cookies.clear()


def test_staff_pages_draw_thumbs_instead_of_emoji(client: TestClient) -> None:
    body = _ask(client, "does insurance pay for ketamine?", conversation_id="thumbs")
    _all_written(client)
    assert (
        client.post("/api/feedback", json={"answer_id": body["id"], "rating": "down"}).status_code
        == 204
    )
    _sign_in(client)
    try:
        pages = ["/staff", "/staff/conversations/thumbs", "/staff/gaps", "/staff/quality"]
        for path in pages:
            page = client.get(path).text
            assert "👍" not in page and "👎" not in page, path  # boxes without an emoji font
        assert "<th>Thumbs up share (rated)</th>" in client.get("/staff/quality").text
        card = _card(client.get("/staff/conversations/thumbs").text, body["id"])
        assert 'data-rating="down"><svg viewBox="0 0 24 24" aria-hidden="true"' in card
        assert "</svg>thumbs down</span>" in card
        filters = client.get("/staff").text
        assert '<option value="up" >thumbs up</option>' in filters
    finally:
        client.cookies.clear()


def test_console_filters_are_read_from_the_query_string(client: TestClient) -> None:
    _ask(client, "what is catastrophizing?")
    today = datetime.now(UTC).date()
    tomorrow = (today + timedelta(days=1)).isoformat()

    def listed(query: str) -> list[dict[str, object]]:
        response = client.get(f"/api/staff/conversations?limit=1000&{query}", auth=STAFF)
        assert response.status_code == 200, response.text
        items: list[dict[str, object]] = response.json()
        return items

    everything = listed("")
    assert len(listed(f"since={today}&until={today}")) == len(everything)  # until is inclusive
    assert listed(f"since={tomorrow}") == []
    assert {i["kind"] for i in listed("kind=not_found")} == {"not_found"}
    assert all(i["feedback"] is None for i in listed("feedback=none"))
    assert {i["feedback"]["rating"] for i in listed("feedback=down")} == {"down"}  # type: ignore[index]
    assert {i["question"] for i in listed("q=CATASTROPH")} == {"what is catastrophizing?"}
    weak = listed("score_below=0.5")
    assert weak and all(max(p["score"] for p in i["passages"]) < 0.5 for i in weak)  # type: ignore[attr-defined]
    for bad in (
        "feedback=maybe",
        "score_below=nan",
        "kind=chat",
        "since=yesterday",
        "until=9999-12-31",
    ):
        response = client.get(f"/api/staff/conversations?{bad}", auth=STAFF)
        assert response.status_code == 422, bad
        assert "bad filter" in response.json()["detail"]


def _card(page: str, answer_id: object) -> str:
    """The part of a conversation page about one answer."""
    start = page.index(f'id="answer-{answer_id}"')
    return page[start : page.find("</section>", start)]


def _option(value: str, *, selected: bool) -> str:
    return f'<option value="{value}" {"selected" if selected else ""}>'


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({}, "Not saved: choose a verdict."),
        ({"verdict": "excellent"}, "Not saved: &#39;excellent&#39; is not one of correct,"),
        (
            {"verdict": "wrong_passage"},
            "Not saved: “wrong passage” needs the right passage. Pick one under “Right passage”.",
        ),
        (
            {"verdict": "should_answer", "passage_id": ""},
            "Not saved: “should have answered” needs the right passage.",
        ),
        ({"verdict": "wrong_passage", "passage_id": "nope:1-2"}, "no passage &#39;nope:1-2&#39;"),
    ],
)
def test_a_label_the_form_cannot_save_shows_the_conversation_again_with_why(
    client: TestClient, form: dict[str, str], message: str
) -> None:
    body = _ask(client, "What is CBT?", conversation_id="review-errors")
    _all_written(client)
    _sign_in(client)
    try:
        path = f"/staff/answers/{body['id']}/label"
        response = client.post(path, data=form, follow_redirects=False)
        assert response.status_code == 422
        assert response.headers["content-type"].startswith("text/html")  # not {"detail": …}
        card = _card(response.text, body["id"])
        assert "Visitor: What is CBT?" in card  # the review goes on where it was
        assert message in card
        assert card.index("Save label") < card.index(message)  # beside the form's button
        if form.get("verdict") == "wrong_passage":  # the choice is kept, to add the passage
            assert _option("wrong_passage", selected=True) in card
        assert _logged(client, body["id"])["label"] is None
    finally:
        client.cookies.clear()


def test_an_answer_not_reviewed_has_no_verdict_chosen_yet(client: TestClient) -> None:
    body = _ask(client, "What is CBT?", conversation_id="review-fresh")
    _all_written(client)
    _sign_in(client)
    try:
        page = client.get("/staff/conversations/review-fresh").text
        card = _card(page, body["id"])
        assert _option("", selected=True) in card  # "— choose —"
        assert _option("correct", selected=False) in card
        saved = client.post(
            f"/staff/answers/{body['id']}/label", data={"verdict": "should_refuse"},
            follow_redirects=False,
        )  # fmt: skip
        assert saved.status_code == 303
        assert saved.headers["location"] == f"/staff/conversations/review-fresh#answer-{body['id']}"
        card = _card(client.get("/staff/conversations/review-fresh").text, body["id"])
        assert _option("should_refuse", selected=True) in card  # a label made is shown
        assert _option("", selected=False) in card
    finally:
        client.cookies.clear()


def test_a_passage_is_stored_only_with_the_verdicts_that_name_one(
    client: TestClient, answerer: Answerer
) -> None:
    body = _ask(client, "What is CBT?", conversation_id="review-passage")
    _all_written(client)
    other = answerer.index.passages[5]
    path = f"/staff/answers/{body['id']}/label"
    _sign_in(client)
    try:
        form = {"verdict": "correct", "passage_id": other.id}  # left selected from before
        assert client.post(path, data=form, follow_redirects=False).status_code == 303
        assert _logged(client, body["id"])["label"]["passage"] is None  # type: ignore[index]
        form = {"verdict": "wrong_passage", "passage_id": other.id}
        assert client.post(path, data=form, follow_redirects=False).status_code == 303
        label = _logged(client, body["id"])["label"]
        assert label["passage"]["id"] == other.id  # type: ignore[index]
    finally:
        client.cookies.clear()
    api = f"/api/staff/answers/{body['id']}/label"
    picked = {"verdict": "should_refuse", "passage_id": other.id}
    assert client.post(api, json=picked, auth=STAFF).status_code == 204
    label = _logged(client, body["id"])["label"]
    assert (label["verdict"], label["passage"]) == ("should_refuse", None)  # type: ignore[index]
    missing = client.post(api, json={"verdict": "should_answer"}, auth=STAFF)
    assert missing.status_code == 422  # the JSON API still answers JSON
    assert missing.json()["detail"] == "passage_id: “should have answered” needs the right passage"
    bad = client.post(api, json={"verdict": "excellent"}, auth=STAFF)
    assert bad.status_code == 422
    assert "verdict" in bad.json()["detail"]


@pytest.mark.parametrize(
    "headers",
    [{"sec-fetch-site": "cross-site"}, {"sec-fetch-site": "same-site"}, {"origin": "https://evil"}],
)
def test_cross_site_requests_cannot_change_anything_even_with_basic_credentials(
    client: TestClient, headers: dict[str, str]
) -> None:
    body = _ask(client, "What is CBT?", conversation_id="kept")
    label = client.post(
        f"/api/staff/answers/{body['id']}/label",
        json={"verdict": "should_refuse"},
        auth=STAFF,
        headers=headers,
    )
    assert label.status_code == 403
    deleted = client.delete("/api/staff/conversations/kept", auth=STAFF, headers=headers)
    assert deleted.status_code == 403
    assert _logged(client, body["id"])["label"] is None
    same_origin = {"origin": "http://testserver"}
    path = f"/api/staff/answers/{body['id']}/label"
    response = client.post(path, json={"verdict": "correct"}, auth=STAFF, headers=same_origin)
    assert response.status_code == 204


def test_by_default_the_log_is_a_sqlite_file_in_the_data_dir_kept_30_days(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VERBATIM_DATABASE_URL", raising=False)
    monkeypatch.delenv("VERBATIM_RETENTION_DAYS", raising=False)
    settings = Settings(data_dir=tmp_path)
    assert settings.retention_days == 30
    assert settings.logbook_url == f"sqlite:///{tmp_path.resolve() / 'verbatim.db'}"
    monkeypatch.setenv("VERBATIM_DATABASE_URL", "postgresql://db.internal/verbatim")
    assert Settings(data_dir=tmp_path).logbook_url == "postgresql://db.internal/verbatim"


def test_the_staff_api_answers_a_method_it_does_not_take_with_405(client: TestClient) -> None:
    response = client.put("/api/staff/conversations", auth=STAFF)
    assert response.status_code == 405
    assert response.headers["allow"] == "GET"
    assert client.delete("/api/staff/nothing-here", auth=STAFF).status_code == 404
