# Two commands on a fresh machine:  make demo   and   make test
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CORPUS := examples/ukraine-talks-2025
DEMO_DB ?= demo.db

.PHONY: install install-dev demo test test-sqlite test-postgresql lint docs bench clean browser postgres

# What the tool needs (requirements.lock), and on top of it what testing, linting and the guide
# need (requirements-dev.lock: the same pins plus pytest, ruff, mypy, MkDocs, the optional
# Japanese parser GiNZA and the web app's test tools).  Both locks: uv pip compile, see their heads.
$(BIN)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(BIN)/.installed-dev: $(BIN)/.installed requirements-dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	touch $@

install: $(BIN)/.installed

install-dev: $(BIN)/.installed-dev

AS_OF ?= 2025-12-08

# The main job on the bundled sample corpus, in a fresh database each time:
# ingest -> extract -> merge (on ingest), then the stories and a briefing in Japanese and English.
demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/communique ingest --db $(DEMO_DB) $(CORPUS)/en $(CORPUS)/ja
	$(BIN)/communique reports --db $(DEMO_DB)
	$(BIN)/communique stories --db $(DEMO_DB)
	mkdir -p briefings
	$(BIN)/communique brief --db $(DEMO_DB) --lang ja --as-of $(AS_OF) > briefings/brief-ja.md
	$(BIN)/communique brief --db $(DEMO_DB) --lang en --as-of $(AS_OF) > briefings/brief-en.md
	$(BIN)/communique brief --db $(DEMO_DB) --lang ja --as-of $(AS_OF) --format html > briefings/brief-ja.html
	@echo "briefings written to briefings/ (as of $(AS_OF)):"; ls -1 briefings

# Debian's Chromium and its driver for the web app's browser tests (tests/web), installed when missing;
# without them (no apt-get, not root) those tests are skipped with the reason.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver \
	    fonts-noto-cjk >/dev/null; } || echo "warning: could not install chromium; browser tests will be skipped"

# Debian's PostgreSQL server (initdb, pg_ctl, pg_trgm) for the suite's second pass, installed when
# missing.  Only its binaries are used: scripts/with-postgres makes a throwaway cluster in a temporary
# folder (on a Unix socket and 127.0.0.1), never the system's own.
postgres:
	@scripts/with-postgres --check 2>/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; } || \
	  echo "warning: could not install postgresql; the suite will run on SQLite only"

# The whole suite twice: on SQLite (the default store), then with every store in PostgreSQL.  In CI
# (CI=true) a missing PostgreSQL server is an error; elsewhere a warning.
test: install-dev browser postgres
	$(BIN)/python -m pytest -q
	@if scripts/with-postgres --check 2>/dev/null; then $(MAKE) --no-print-directory test-postgresql; \
	 elif [ -n "$$CI" ]; then echo "error: no PostgreSQL server binaries (make postgres)"; exit 1; \
	 else echo "warning: no PostgreSQL server binaries: the suite ran on SQLite only (make postgres)"; fi

test-sqlite: install-dev browser
	$(BIN)/python -m pytest -q

test-postgresql: install-dev browser postgres
	scripts/with-postgres $(BIN)/python -m pytest -q -p no:cacheprovider

lint: install-dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src

# The user guide (docs/) as a static site in site/; the test suite builds it too, with --strict.
docs: install-dev
	$(BIN)/python -m mkdocs build --strict

bench: install
	$(BIN)/python benchmarks/bench_ingest.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache briefings site
