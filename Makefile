# Two commands on a fresh machine with Python 3.11: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DB ?= lagebild.db
DEMO_INPUTS := data/corpus data/ucdp

.PHONY: install demo test check schema clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@echo "Compiling the gazetteer (about a minute, once; every command then loads it in ~2 s)"
	$(BIN)/lagebild gazetteer info > /dev/null
	touch $@

demo: install
	$(BIN)/lagebild ingest $(DEMO_INPUTS) --db $(DB)
	$(BIN)/lagebild serve --db $(DB)

test: install
	$(BIN)/pytest -q

check: install
	$(BIN)/ruff check lagebild tests bench
	$(BIN)/ruff format --check lagebild tests bench

schema: install
	$(BIN)/lagebild schema > lagebild/event.schema.json

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache $(DB) $(DB)-wal $(DB)-shm
