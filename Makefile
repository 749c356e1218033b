# All set-up happens here: `make demo` and `make test` work on a fresh machine with only python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# A folder holding the upstream documents pinned in spec/upstream.lock. When none is given,
# scripts/merge_spec.py reads them from its cache (~/.cache/trigger-facade) or downloads them from
# the pinned commit. CI has ../shared beside the clone and uses the copy there.
UPSTREAM ?= $(wildcard ../shared/reference/upstream)
export UPSTREAM
export PATH := $(abspath $(BIN)):$(PATH)
# mkdocs-material prints a banner about MkDocs 2.0 on every build
export NO_MKDOCS_2_WARNING := 1

.PHONY: install spec check-spec check-spec-or-skip generate unasync docs check-generated lint typecheck \
	test demo bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

## spec/openapi.yaml from the pinned upstream documents and spec/overlays
spec: $(STAMP)
	$(BIN)/python scripts/merge_spec.py $(UPSTREAM)

## fails when spec/openapi.yaml is not what `make spec` would write
check-spec: $(STAMP)
	$(BIN)/python scripts/merge_spec.py $(UPSTREAM) --check

## the same, but when the upstream documents cannot be had it says so in one line and succeeds
check-spec-or-skip: $(STAMP)
	$(BIN)/python scripts/merge_spec.py $(UPSTREAM) --check --skip-if-unavailable

## generated/trigger_api from spec/openapi.yaml
generate: $(STAMP)
	$(BIN)/python scripts/generate.py

## fails when generated/ or the sync resources (trigger_facade/resources) differ from a fresh generation
check-generated: $(STAMP)
	$(BIN)/python scripts/generate.py --check
	$(BIN)/python scripts/unasync.py --check

## the documentation site (mkdocs.yml) in site/, strict: a broken link or reference fails
docs: $(STAMP)
	$(BIN)/mkdocs build --strict

## trigger_facade/resources (sync) from their async source in trigger_facade/_async
unasync: $(STAMP)
	$(BIN)/python scripts/unasync.py

lint: $(STAMP)
	$(BIN)/ruff check trigger_facade scripts tests examples benchmarks
	$(BIN)/ruff format --check trigger_facade scripts tests examples benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) check-spec-or-skip check-generated lint typecheck docs
	$(BIN)/python -m pytest -q

demo: $(STAMP)
	$(BIN)/python examples/quickstart.py

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) build dist *.egg-info site

.PHONY: record-server-truth conformance

## tests/server_truth/recorded/ from a running real server (see its SOURCE.md): TRIGGER_SECRET_KEY,
## TRIGGER_PROJECT_REF, TRIGGER_API_URL (default http://127.0.0.1:3030); not part of `make test`
record-server-truth: $(STAMP)
	$(BIN)/python -m scripts.server_truth.record

## where a live server (TRIGGER_API_URL, TRIGGER_SECRET_KEY, optional TRIGGER_PROJECT_REF) answers unlike
## the recordings, per operation; exit 1 if anything differs; not part of `make test`
conformance: $(STAMP)
	$(BIN)/python -m scripts.server_truth.conformance
