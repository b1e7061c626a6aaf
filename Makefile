# Two commands on a fresh machine:  make demo   and   make test
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CORPUS := examples/ukraine-talks-2025
DEMO_DB ?= demo.db

.PHONY: install demo test lint bench clean

$(BIN)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

install: $(BIN)/.installed

# The main job on the bundled sample corpus, in a fresh database each time.
demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/communique ingest --db $(DEMO_DB) $(CORPUS)/en $(CORPUS)/ja
	$(BIN)/communique reports --db $(DEMO_DB)

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src

bench: install
	$(BIN)/python benchmarks/bench_ingest.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache
