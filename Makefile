# twitchcare - the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CASES ?= ../shared/cases/dev
export TWITCHCARE_TEST_POSTGRES_SERVER ?= postgresql://postgres@127.0.0.1:5432/postgres

.PHONY: run test check lint bench install clean messages

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "python3-venv missing; installing it" >&2; \
	  apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null && $(PYTHON) -m venv $(VENV); }
	@$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	$(BIN)/pybabel compile -d src/twitchcare/cli/locale --statistics
	@touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/twitchcare assess

lint: install
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/twitchcare kb check

test: install lint
	@./scripts/ensure-postgres.sh
	$(BIN)/python -m pytest
	@if [ -d "$(CASES)" ]; then $(BIN)/twitchcare evaluate "$(CASES)" tests/cases --check; \
	 else $(BIN)/twitchcare evaluate tests/cases --check; fi
	@if [ -d "$(CASES)" ]; then $(BIN)/twitchcare evaluate "$(CASES)" tests/cases --simulate --check; \
	 else $(BIN)/twitchcare evaluate tests/cases --simulate --check; fi

check: test

bench: install
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

# The terminal's translation template (German: locale/de/LC_MESSAGES/messages.po beside it).
messages: install
	$(BIN)/pybabel extract -F src/twitchcare/cli/locale/babel.cfg -k N_ --no-location \
	  --sort-output --project twitchcare -o src/twitchcare/cli/locale/messages.pot .
	$(BIN)/pybabel update -i src/twitchcare/cli/locale/messages.pot -d src/twitchcare/cli/locale \
	  --no-location --omit-header
