# All set-up happens here: `make demo` and `make test` work on a fresh machine with only python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
UPSTREAM ?= ../shared/reference/upstream
export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: install spec check-spec generate generate-async docs check-generated lint typecheck test demo bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

## spec/openapi.yaml from the upstream documents and spec/overlays
spec: $(STAMP)
	$(BIN)/python scripts/merge_spec.py $(UPSTREAM)

## fails when spec/openapi.yaml is not what `make spec` would write
check-spec: $(STAMP)
	$(BIN)/python scripts/merge_spec.py $(UPSTREAM) --check

## generated/trigger_api from spec/openapi.yaml
generate: $(STAMP)
	$(BIN)/python scripts/generate.py

## fails when generated/ or trigger_facade/_async differs from a fresh generation
check-generated: $(STAMP)
	$(BIN)/python scripts/generate.py --check
	$(BIN)/python scripts/gen_async.py --check
	$(BIN)/python scripts/gen_api_docs.py --check

## docs/api.md from the facade's docstrings
docs: $(STAMP)
	$(BIN)/python scripts/gen_api_docs.py

## trigger_facade/_async from the sync resources
generate-async: $(STAMP)
	$(BIN)/python scripts/gen_async.py

lint: $(STAMP)
	$(BIN)/ruff check trigger_facade scripts tests examples benchmarks
	$(BIN)/ruff format --check trigger_facade scripts tests examples benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) check-spec check-generated lint typecheck
	$(BIN)/python -m pytest -q

demo: $(STAMP)
	$(BIN)/python examples/quickstart.py

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) build dist *.egg-info
