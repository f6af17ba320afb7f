# Developer shortcuts; each runs in the virtualenv the README's test command makes (.venv).
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: check lint types imports test screenshots snapshots

check: lint types imports test  ## everything CI checks

lint:  ## ruff: lint and formatting
	$(PY) -m ruff check trainer tests scripts bench
	$(PY) -m ruff format --check trainer tests scripts bench

types:  ## mypy --strict on the package
	$(PY) -m mypy trainer

imports:  ## the walls between the rooms (docs/ARCHITECTURE.md)
	$(VENV)/bin/lint-imports

test:  ## the README's test command (the suite also runs lint, types and imports)
	$(PY) -m pytest -n auto

snapshots:  ## after a deliberate UI change; then look at the SVGs
	$(PY) -m pytest tests/ui/test_snapshots.py --snapshot-update

screenshots:  ## the README's pictures
	$(PY) scripts/screenshots.py
