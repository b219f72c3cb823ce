"""The /api contract through FastAPI's TestClient, with the real model and index."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from corpus.documents import load_corpus
from retrieval.answerer import Answerer
from tests.postgres import Postgres
from ui.api import create_app
from ui.schemas import AskRequest, FeedbackRequest, clean_text
from ui.settings import Settings


@pytest.fixture(scope="module")
def client(answerer: Answerer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("data"))
    with TestClient(create_app(settings, answerer=answerer)) as test_client:
        yield test_client


def test_answer_quotes_the_article_verbatim_with_section(client: TestClient) -> None:
    body = client.post("/api/ask", json={"question": "What is CBT?"}).json()
    text = load_corpus()[0].text
    assert body["kind"] == "answer"
    assert body["disclaimer"]
    assert 1 <= len(body["passages"]) <= 3
    first = body["passages"][0]
    assert first["section"] == "Talk Therapy"
    assert "Cognitive Behavioral Therapy (CBT)" in first["quote"]
    for passage in body["passages"]:
        assert text[passage["start"] : passage["end"]] == passage["quote"]
        assert passage["highlight"] in passage["quote"]
    scores = [p["score"] for p in body["passages"]]
    assert all(isinstance(s, float) for s in scores)


def test_how_fast_highlights_the_sentence_that_answers(client: TestClient) -> None:
    body = client.post("/api/ask", json={"question": "how fast does ketamine work?"}).json()
    assert body["kind"] == "answer"
    highlights = [p["highlight"] for p in body["passages"]]
    assert any("relief within hours or days" in h for h in highlights)


def test_top_k_limits_the_passages(client: TestClient) -> None:
    body = client.post(
        "/api/ask", json={"question": "what are treatments for depression", "top_k": 1}
    ).json()
    assert len(body["passages"]) == 1


@pytest.mark.parametrize(
    "question", ["What is the capital of France?", "tell me a joke", "qwxz plorb vrank", "🙂🙂"]
)
def test_off_topic_is_not_found_with_three_suggestions(client: TestClient, question: str) -> None:
    body = client.post("/api/ask", json={"question": question}).json()
    assert body["kind"] == "not_found"
    assert body["passages"] == []
    assert "does not" in body["message"]
    assert len(body["suggestions"]) == 3
    assert body["disclaimer"]


def test_crisis_puts_resources_first(client: TestClient) -> None:
    body = client.post("/api/ask", json={"question": "I don't want to live anymore"}).json()
    assert body["kind"] == "crisis"
    assert body["passages"] == []
    assert [r["contact"] for r in body["resources"]] == [
        "Call or text 988",
        "Chat at 988lifeline.org",
        "Call 911",
    ]
    assert body["resources"][0]["url"] == "tel:988"  # a tap on a phone calls
    assert "988" in body["message"]


def test_idiom_is_answered_not_treated_as_crisis(client: TestClient) -> None:
    body = client.post(
        "/api/ask", json={"question": "this pain is killing me, can ketamine help?"}
    ).json()
    assert body["kind"] == "answer"


def test_personal_advice_points_to_the_clinician(client: TestClient) -> None:
    body = client.post("/api/ask", json={"question": "how much ketamine should I take?"}).json()
    assert "clinician" in body["message"]
    assert all("dosing" in p["quote"] or p["quote"] for p in body["passages"])


def test_ids_are_unique(client: TestClient) -> None:
    ids = {
        client.post("/api/ask", json={"question": "What is CBT?"}).json()["id"] for _ in range(3)
    }
    assert len(ids) == 3


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('{"question": ""}', "question: the question is empty"),
        ('{"question": "   \\n "}', "question: the question is empty"),
        ('{"question": "\\u0000\\u200b"}', "question: the question is empty"),
        ('{"question": "' + "\ufdfa" * 100 + '"}', "at most 1000 characters"),  # 1 → 18 letters
        ('{"question": "' + "a" * 1001 + '"}', "at most 1000 characters"),
        ('{"question": 42}', "question: Input should be a valid string"),
        ('{"question": ["what"]}', "question: Input should be a valid string"),
        ("{}", "question: Field required"),
        ('{"top_k": 3}', "question: Field required"),
        ("not json", "body: is not valid JSON"),
        ('{"question": "What is CBT?", "top_k": 0}', "top_k: Input should be greater than"),
        ('{"question": "What is CBT?", "top_k": 11}', "top_k: Input should be less than"),
        ('{"question": "What is CBT?", "top_k": "3"}', "top_k: Input should be a valid integer"),
        ('{"question": "What is CBT?", "top_k": 2.5}', "top_k: Input should be a valid integer"),
        ("[]", "body"),
    ],
)
def test_bad_input_is_a_readable_422(client: TestClient, body: str, expected: str) -> None:
    response = client.post("/api/ask", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert isinstance(response.json()["detail"], str)
    assert expected in response.json()["detail"]


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("GET", "/api/ask", "POST"),
        ("DELETE", "/api/health", "GET, HEAD"),
        ("PUT", "/api/feedback", "POST"),
    ],
)
def test_a_method_an_endpoint_does_not_take_is_a_405_naming_those_it_does(
    client: TestClient, method: str, path: str, allowed: str
) -> None:
    response = client.request(method, path)
    assert response.status_code == 405
    assert response.headers["allow"] == allowed
    assert response.json()["detail"] == f"{path} takes {allowed}, not {method}"


@pytest.mark.parametrize("path", ["/api/nothing", "/api/ask/extra", "/api/"])
def test_an_unknown_api_path_is_a_json_404_from_the_api(client: TestClient, path: str) -> None:
    response = client.post(path, json={"question": "what is CBT?"})
    assert response.status_code == 404
    assert response.json() == {"detail": f"no API endpoint at {path}"}


def test_the_server_logs_answers_and_feedback_on_postgresql(
    answerer: Answerer, postgres: Postgres, tmp_path: Path
) -> None:
    settings = Settings(data_dir=tmp_path, database_url=postgres.create_database())
    with TestClient(create_app(settings, answerer=answerer)) as client:
        answer = client.post("/api/ask", json={"question": "What is CBT?"}).json()
        logbook = client.app.state.logbook  # type: ignore[attr-defined]
        assert logbook.written()
        rated = {"answer_id": answer["id"], "rating": "down", "comment": "too short"}
        assert client.post("/api/feedback", json=rated).status_code == 204
        assert client.get("/api/health").json()["logging"] == {"status": "ok", "failures": 0}
        entry = logbook.entry(answer["id"])
    assert entry.question == "What is CBT?" and entry.kind == "answer"
    assert entry.feedback is not None and entry.feedback.comment == "too short"


def test_health_reports_model_passages_and_index(client: TestClient, answerer: Answerer) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["model"] == answerer.index.manifest.model
    assert body["passages"] == len(answerer.index.passages)
    assert body["index_hash"] == answerer.index.manifest.index_hash
    assert client.head("/api/health").status_code == 200  # what uptime monitors often send


def test_pages_cannot_be_framed_by_other_sites(client: TestClient) -> None:
    for path in ("/", "/api/health", "/docs"):
        response = client.get(path)
        assert response.headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_chat_page_loads_nothing_from_outside(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "fonts.googleapis.com" not in page.text


def test_settings_reject_an_empty_disclaimer(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="disclaimer may not be empty"):
        Settings(data_dir=tmp_path, disclaimer="  ")


@pytest.mark.parametrize(
    "url",
    [
        "sqlite://",
        "sqlite:///:memory:",
        "sqlite:///file:log?mode=memory&uri=true",
        "sqlite:///file::memory:?cache=shared&uri=true",
    ],
)
def test_settings_reject_an_in_memory_log(tmp_path: Path, url: str) -> None:
    with pytest.raises(ValueError, match="in-memory SQLite"):
        Settings(data_dir=tmp_path, database_url=url)


def test_settings_reject_a_database_url_that_is_not_one(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a database URL"):
        Settings(data_dir=tmp_path, database_url="verbatim.db")


@pytest.mark.parametrize(
    ("url", "problem"),
    [("nosuch://db/log", "no such database type"), ("mysql://u@db/log", "driver for mysql")],
)
def test_settings_name_a_database_they_cannot_reach(tmp_path: Path, url: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        Settings(data_dir=tmp_path, database_url=url)


def test_settings_accept_a_database_file_or_server(tmp_path: Path) -> None:
    for url in (f"sqlite:///{tmp_path / 'log.db'}", "postgresql://verbatim@db/verbatim"):
        assert Settings(data_dir=tmp_path, database_url=url).logbook_url == url


def test_the_access_log_holds_no_address_and_no_query(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="verbatim.access"):
        client.get("/api/health?q=i+took+all+my+pills", headers={"X-Forwarded-For": "1.2.3.4"})
        client.post("/api/ask", json={"question": "What is CBT?"})
    lines = [r.getMessage() for r in caplog.records if r.name == "verbatim.access"]
    assert [line.rsplit(" ", 2)[0] for line in lines] == [
        "GET /api/health 200",
        "POST /api/ask 200",
    ]
    logged = " ".join(lines)
    assert "pills" not in logged and "1.2.3.4" not in logged and "testclient" not in logged


def test_the_access_log_keeps_a_path_on_one_line(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="verbatim.access"):
        client.get("/api/nothing%0AGET%20/forged%20200")
    lines = [r.getMessage() for r in caplog.records if r.name == "verbatim.access"]
    assert len(lines) == 1 and "\n" not in lines[0]
    assert lines[0].startswith("GET /api/nothing%0AGET%20/forged%20200 404")


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("ＷＨＡＴ ＩＳ ＫＥＴＡＭＩＮＥ", "WHAT IS KETAMINE"),
        ("what is 𝐤𝐞𝐭𝐚𝐦𝐢𝐧𝐞", "what is ketamine"),
        ("what is keta\u200bmine\u00ad?", "what is ketamine?"),
        ("what is\u0000CBT", "what is CBT"),
        ("  is it safe? 👩\u200d⚕️ ", "is it safe? 👩\u200d⚕️"),
    ],
)
def test_questions_are_cleaned_at_the_boundary(typed: str, plain: str) -> None:
    assert AskRequest(question=typed).question == plain.replace("\u0000", " ")


def test_a_full_width_question_is_answered(client: TestClient) -> None:
    body = client.post("/api/ask", json={"question": "ＷＨＡＴ ＩＳ ＣＢＴ？"}).json()
    assert body["kind"] == "answer"
    assert body["passages"][0]["section"] == "Talk Therapy"


def test_a_lone_surrogate_is_a_readable_422_not_a_server_error(client: TestClient) -> None:
    body = '{"question": "what is CBT \\ud800"}'
    response = client.post("/api/ask", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("question: Input should be a valid string")
    assert "input" not in response.json()["errors"][0]  # what was sent is not echoed back


def test_feedback_comments_are_cleaned_like_questions() -> None:
    request = FeedbackRequest(answer_id="a1", rating="down", comment=" wrong\x00 ＣＢＴ ")
    assert request.comment == "wrong  CBT"


def test_cleaning_drops_lone_surrogates_the_chat_could_pass_on() -> None:
    assert clean_text("what is CBT \ud800") == "what is CBT"
