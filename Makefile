# Two commands for a newcomer: `make run` serves the desk, `make test` tests it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format install install-test migrate seeds bench eval eval-corpus polnear clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

migrate: install
	$(BIN)/python manage.py migrate --no-input

run: migrate
	$(BIN)/python manage.py load_seeds
	$(BIN)/python manage.py ensure_editor
	@echo "Curation Desk: http://$(HOST):$(PORT)/  (editors: http://$(HOST):$(PORT)/admin/)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install-test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# ruff checks and formatting, as CI runs them.
lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Score the extractor on the seeds, seeds/annotated/*.jsonl (or EVAL_FILES) and editors' decisions.
eval: install
	$(BIN)/python manage.py evaluate_extractor $(EVAL_FILES)

# Convert PolNeAR's train split from a local checkout into tune.jsonl and held.jsonl (a fifth held back),
# kept outside the repository: make polnear POLNEAR=/work/data/polnear CORPUS_DIR=/work/data/polnear
POLNEAR ?= /work/data/polnear
CORPUS_DIR ?= /work/data/polnear
polnear: install
	$(BIN)/python -m bench.polnear $(POLNEAR)/data/train $(CORPUS_DIR)

# Score the extractor on a converted corpus and on the seeds: make eval-corpus CORPUS=/work/data/polnear/tune.jsonl
CORPUS ?= $(CORPUS_DIR)/tune.jsonl
eval-corpus: install
	$(BIN)/python -m bench.evaluate_corpus --seeds $(CORPUS)

# Time pages and API on a generated archive in PostgreSQL against a raw-SQL floor (see bench/run.py
# for BENCH_ARTICLES and the other knobs); the table lands in bench/results/.
bench: install
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache
