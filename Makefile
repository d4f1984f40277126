# Quick start:  make site   (set up + build the default playbook into site/)
#               make test   (set up + lint, types and the whole test suite)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q
export NO_MKDOCS_2_WARNING := 1

.PHONY: site zip pdf test lint format serve check clean constraints browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-installed: pyproject.toml constraints.txt | $(BIN)/python
	$(PIP) install -c constraints.txt -e .
	@touch $@

$(VENV)/.test-installed: pyproject.toml constraints.txt $(VENV)/.site-installed
	$(PIP) install -c constraints.txt -e '.[test]'
	@touch $@

$(VENV)/.pdf-installed: pyproject.toml constraints.txt $(VENV)/.site-installed
	$(PIP) install -c constraints.txt -e '.[pdf]'
	@touch $@

site: $(VENV)/.site-installed
	$(BIN)/cco-playbook build --strict --site-dir site
	@echo "Open site/index.html in a browser (works from disk), or run 'make serve'."

zip: $(VENV)/.site-installed
	$(BIN)/cco-playbook build --strict --site-dir site --zip dist/cco-playbook.zip

pdf: $(VENV)/.pdf-installed browser
	$(BIN)/cco-playbook build --strict --site-dir site --pdf dist/cco-playbook.pdf

serve: $(VENV)/.site-installed
	$(BIN)/cco-playbook serve

check: $(VENV)/.site-installed
	$(BIN)/cco-playbook check

browser:
	@bash .ci/ensure-system-packages

lint: $(VENV)/.test-installed
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/ruff format --check generator tests benchmarks
	$(BIN)/mypy generator

format: $(VENV)/.test-installed
	$(BIN)/ruff check --fix generator tests benchmarks
	$(BIN)/ruff format generator tests benchmarks

test: $(VENV)/.test-installed browser lint
	$(BIN)/python -m pytest -q

constraints: $(VENV)/.test-installed
	{ grep '^#' constraints.txt; $(BIN)/python -m pip freeze --exclude-editable | grep -v '^cco-playbook'; } > constraints.new
	mv constraints.new constraints.txt

clean:
	rm -rf site dist .pytest_cache .mypy_cache .ruff_cache build
