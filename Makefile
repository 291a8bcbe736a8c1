# twitchcare - the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CASES ?= ../shared/cases/dev

.PHONY: run test check lint bench install clean messages test-tools fuzz

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "python3-venv missing; installing it" >&2; \
	  apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null && $(PYTHON) -m venv $(VENV); }
	@$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[web,dev,charts,postgres]'
	$(BIN)/pybabel compile -d src/twitchcare/cli/locale --statistics
	$(BIN)/pybabel compile -d src/twitchcare/web/locale --statistics
	$(BIN)/pybabel compile -d src/twitchcare/locale --statistics
	@touch $@

install: $(VENV)/.installed

# The web app on this computer; it prints its address (the terminal interview: twitchcare assess).
run: install
	$(BIN)/twitchcare serve

lint: install
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/twitchcare kb check

# The browser journeys drive Debian's Chromium (never a downloaded browser) and check pages with
# axe-core from npm (package-lock.json pins it; node_modules is not committed).
test-tools:
	@[ -x /usr/bin/chromium ] || { echo "installing chromium for the browser tests" >&2; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@command -v npm >/dev/null || { echo "installing npm for axe-core" >&2; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }
	@[ -f node_modules/axe-core/axe.min.js ] || npm ci --no-audit --no-fund --silent

test: install lint test-tools
	@./scripts/ensure-poppler.sh
	./scripts/with-postgres.sh $(BIN)/python -m pytest
	@if [ -d "$(CASES)" ]; then $(BIN)/twitchcare evaluate "$(CASES)" tests/cases --check; \
	 else $(BIN)/twitchcare evaluate tests/cases --check; fi
	@if [ -d "$(CASES)" ]; then $(BIN)/twitchcare evaluate "$(CASES)" tests/cases --simulate --check; \
	 else $(BIN)/twitchcare evaluate tests/cases --simulate --check; fi

check: test

# Fuzzing: at least 5,000 generated command lines through the whole CLI, then a longer
# schemathesis run against the OpenAPI document than the one in make test.
fuzz: install
	TWITCHCARE_CLI_FUZZ_EXAMPLES=$${TWITCHCARE_CLI_FUZZ_EXAMPLES:-5000} $(BIN)/python -m pytest -q \
	  tests/cli/test_fuzz.py
	TWITCHCARE_FUZZ_EXAMPLES=$${TWITCHCARE_FUZZ_EXAMPLES:-300} $(BIN)/python -m pytest -q \
	  tests/web/test_openapi_fuzz.py

bench: install
	$(BIN)/python -m benchmarks

# The translation templates: every string the web app and the terminal show; German is the
# .po file beside each (locale/de/LC_MESSAGES/messages.po), updated here with the new strings.
messages: install
	$(BIN)/pybabel -q extract -F babel.cfg --no-location --sort-output \
	  --project twitchcare -o src/twitchcare/web/locale/messages.pot .
	$(BIN)/pybabel update -i src/twitchcare/web/locale/messages.pot -d src/twitchcare/web/locale \
	  --no-fuzzy-matching
	$(BIN)/pybabel extract -F src/twitchcare/cli/locale/babel.cfg -k N_ --no-location \
	  --sort-output --project twitchcare -o src/twitchcare/cli/locale/messages.pot .
	$(BIN)/pybabel update -i src/twitchcare/cli/locale/messages.pot -d src/twitchcare/cli/locale \
	  --no-fuzzy-matching
	$(BIN)/pybabel extract -F src/twitchcare/locale/babel.cfg --no-location \
	  --sort-output --project twitchcare -o src/twitchcare/locale/messages.pot .
	$(BIN)/pybabel update -i src/twitchcare/locale/messages.pot -d src/twitchcare/locale \
	  --no-fuzzy-matching

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache node_modules test-artefacts
