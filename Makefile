# One entry point for people and CI: every target sets up .venv itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SPHINXOPTS ?=
DOCS_OUT := docs/_build/html

.PHONY: html test lint bench clean venv

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[docs,test]'
	touch $(STAMP)

## html: build the manual into docs/_build/html with warnings as errors
html: $(STAMP)
	$(BIN)/sphinx-build -W --keep-going -b html -d docs/_build/doctrees $(SPHINXOPTS) docs $(DOCS_OUT)

## lint: ruff over the package and the tests
lint: $(STAMP)
	$(BIN)/ruff check ext tests docs/conf.py
	$(BIN)/ruff format --check ext tests docs/conf.py

## test: lint, every test, and the manual built with -W
test: $(STAMP) lint
	$(BIN)/python -m pytest
	$(MAKE) html

## bench: build synthetic glossaries of 100, 1,000 and 10,000 seeds; results in docs/performance/
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python tests/bench/run.py $(BENCHOPTS)

clean:
	rm -rf docs/_build .pytest_cache .ruff_cache .hypothesis dist build
