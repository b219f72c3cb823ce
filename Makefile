# The only commands a newcomer needs: make run, make test (both install first), make lint.
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
export HF_HUB_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: install browser postgres run test lint build eval bench clean

$(BIN)/python:
	$(shell command -v $(PYTHON) || echo python3) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# torch first: a bare `torch` requirement would pull the CUDA build (gigabytes).
$(VENV)/.installed: pyproject.toml $(BIN)/python
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev,postgres]'
	touch $@

install: $(VENV)/.installed

# What the tests drive besides Python, from Debian: Chromium for the browser tests (a browser
# download cannot work offline) and the PostgreSQL server, on which the answer log's tests
# run as well as on SQLite (tests/postgres.py starts a throwaway one).
CHROMIUM ?= /usr/bin/chromium
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
POSTGRES := $(firstword $(wildcard /usr/lib/postgresql/*/bin/pg_ctl))
APT      := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(APT) chromium fonts-dejavu-core

browser: $(CHROMIUM)

# Installing the server would also create a cluster of the machine's own and start it; the
# tests need none (they start and stop theirs), so none is created.
postgres:
ifeq ($(POSTGRES),)
	$(SUDO) apt-get update -qq
	$(APT) postgresql-common
	$(SUDO) sed -i 's/^#* *create_main_cluster *=.*/create_main_cluster = false/' \
		/etc/postgresql-common/createcluster.conf
	$(APT) postgresql
endif

build: install
	$(BIN)/verbatim build

run: install
	$(BIN)/verbatim serve --host $(HOST) --port $(PORT)

test: install browser postgres
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

eval: install
	$(BIN)/verbatim eval eval/dev.jsonl

bench: install
	$(BIN)/verbatim bench

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
