"""The real server as a process, asked over HTTP on a free loopback port."""

from __future__ import annotations

import httpx

from scripts.bench import free_port, start_server, wait_ready


def test_served_app_answers_over_http(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = start_server(port, env={"VERBATIM_DATA_DIR": str(tmp_path_factory.mktemp("served"))})
    try:
        wait_ready(base, process)
        response = httpx.post(
            f"{base}/api/ask", json={"question": "how is ketamine administered?"}, timeout=30
        )
        assert response.status_code == 200
        body = response.json()
        assert body["kind"] == "answer"
        assert "IV infusions" in body["passages"][0]["quote"]
        assert httpx.get(f"{base}/", timeout=30).status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert process.returncode is not None
