"""A throwaway PostgreSQL server for the answer log's tests: the log promises PostgreSQL too.

``running_postgres()`` starts Debian's PostgreSQL server (``make test`` installs the
``postgresql`` package) with a cluster of its own in a temporary folder, on a free 127.0.0.1 port,
trusting local connections and without fsync, and stops it afterwards; ``create_database()``
makes an empty database for one test. Without the server the tests skip on a developer's
machine but fail in CI (``CI`` set), as the browser tests do.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from scripts.bench import free_port

SERVER_BINARIES = Path("/usr/lib/postgresql")
USER = "verbatim"


@dataclass(frozen=True)
class Postgres:
    """A running server that trusts ``USER`` on 127.0.0.1."""

    port: int

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """A new empty database; its URL."""
        name = f"test_{uuid.uuid4().hex[:12]}"
        engine = create_engine(self.url("postgres"), isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        return self.url(name)


def _binaries() -> Path | None:
    found = sorted(SERVER_BINARIES.glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else None


@contextmanager
def running_postgres() -> Iterator[Postgres]:
    """A PostgreSQL server with a cluster of its own, removed afterwards."""
    binaries = _binaries()
    if binaries is None:
        message = "PostgreSQL is not installed: `make test` installs it (apt package postgresql)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # The server refuses to run as root: as root, run it as the package's own user, in a
    # folder it can reach (pytest's temporary folders are root's alone).
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    folder = Path(tempfile.mkdtemp(prefix="verbatim-postgres-"))
    if as_user:
        shutil.chown(folder, "postgres")
    data, port = folder / "data", free_port()

    def run(*command: str) -> None:
        done = subprocess.run([*as_user, *command], capture_output=True, text=True, timeout=60)
        if done.returncode:
            raise RuntimeError(f"{' '.join(command[:1])} failed: {done.stderr or done.stdout}")

    pg_ctl = str(binaries / "pg_ctl")
    try:
        run(str(binaries / "initdb"), "-D", str(data), "-U", USER, "-A", "trust", "--no-sync")
        options = f"-p {port} -c listen_addresses=127.0.0.1 -k {folder} -c fsync=off"
        run(pg_ctl, "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start")
        yield Postgres(port)
    finally:
        if (data / "postmaster.pid").exists():  # started, even if start-up timed out
            run(pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)
