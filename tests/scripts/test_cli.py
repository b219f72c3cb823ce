"""The `verbatim` command line through click's runner, with the real model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scripts.cli import cli
from ui.settings import get_settings


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.getbasetemp() / "cli-data"
    monkeypatch.setenv("VERBATIM_DATA_DIR", str(folder))
    get_settings.cache_clear()
    yield folder
    get_settings.cache_clear()


def test_build_writes_the_index_and_names_the_dangling_line(data_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["build"])
    assert result.exit_code == 0, result.output
    assert "Studies have shown ketamine to be effective in treating:" in result.output
    assert (data_dir / "index" / "manifest.json").is_file()


def test_ask_prints_the_quote_and_disclaimer() -> None:
    result = CliRunner().invoke(cli, ["ask", "what is catastrophizing?"])
    assert result.exit_code == 0, result.output
    assert "catastrophizing, meaning expecting the worst" in result.output
    assert "not medical advice" in result.output


def test_ask_json_prints_the_api_contract() -> None:
    result = CliRunner().invoke(cli, ["ask", "--json", "What is CBT?"])
    body = json.loads(result.stdout)
    v1 = {"id", "kind", "message", "passages", "resources", "suggestions", "disclaimer"}
    assert set(body) == v1 | {"conversation_id"}  # names are only ever added, never changed
    assert body["kind"] == "answer"


def test_ask_rejects_an_empty_question() -> None:
    result = CliRunner().invoke(cli, ["ask", "   "])
    assert result.exit_code == 2
    assert "question is empty" in result.output


def test_eval_prints_the_metrics(tmp_path: Path) -> None:
    rows = [
        {"question": "What is CBT?", "category": "answerable", "phrase": "Cognitive Behavioral"},
        {"question": "tell me a joke", "category": "off_topic"},
        {"question": "I want to end it all", "category": "crisis"},
    ]
    eval_file = tmp_path / "tiny.jsonl"
    eval_file.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "--json", str(eval_file)])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)["metrics"]
    assert metrics["hit@1"] == 1.0
    assert metrics["off_topic_refused"] == 1.0
    assert metrics["crisis_recall"] == 1.0
    ranked = CliRunner().invoke(cli, ["eval", "--ranking", "--no-misses", str(eval_file)])
    assert ranked.exit_code == 0, ranked.output
    assert "ranking alone (1 answerable" in ranked.stdout and "hit@1 1.000" in ranked.stdout


def test_eval_report_writes_a_page_with_metrics_misses_and_a_plot(tmp_path: Path) -> None:
    rows = [
        {"question": "What is CBT?", "category": "answerable", "phrase": "Cognitive Behavioral"},
        {"question": "What is CBT?", "category": "answerable", "phrase": "not in the article"},
        {"question": "tell me a joke", "category": "off_topic"},
        {"question": "does insurance cover ketamine?", "category": "unanswered"},
    ]
    eval_file = tmp_path / "tiny.jsonl"
    eval_file.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    folder = tmp_path / "report"
    result = CliRunner().invoke(
        cli, ["eval", "--no-misses", "--report", str(folder), str(eval_file)]
    )
    assert result.exit_code == 0, result.output
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert "hit@1" in page and "off_topic_refused" in page
    assert "Misses (1)" in page and "not in the article" in page  # the miss, what was expected
    assert "Cognitive Behavioral Therapy" in page  # and what was returned instead
    assert '<img src="scores.png"' in page
    assert (folder / "scores.png").read_bytes().startswith(b"\x89PNG")


def test_migrate_brings_the_answer_log_to_the_latest_schema(data_dir: Path) -> None:
    from ui.migrations import head

    result = CliRunner().invoke(cli, ["migrate"])
    assert result.exit_code == 0, result.output
    assert f"answer log at revision {head()}" in result.output
    assert (data_dir / "verbatim.db").stat().st_mode & 0o777 == 0o600


def test_serve_turns_off_uvicorns_access_log(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    import ui.api

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(ui.api, "create_app", lambda: "the app")
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append(options))
    result = CliRunner().invoke(cli, ["serve", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert calls == [{"host": "127.0.0.1", "port": 8123, "log_level": "info", "access_log": False}]
