# Quick start: `make build` (set up, then build the graph of seeds/ into out/)
#              `make test`  (set up, then run the tests)
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: build test setup browser lac clean

build: $(STAMP)
	$(BIN)/kg build

test: $(STAMP) browser
	KG_SKIP_BROWSER=$(KG_SKIP_BROWSER) $(BIN)/python -m pytest

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# Headless Chromium and a CJK font for the browser tests (needs root and apt).
# Without them those tests fail and say so; KG_SKIP_BROWSER=1 skips them instead.
browser:
ifeq ($(KG_SKIP_BROWSER),)
	@echo "make test: installing Chromium and a CJK font for the browser tests (apt, as root); to skip those tests: make test KG_SKIP_BROWSER=1"
	-@sh scripts/install-browser.sh
endif

# Optional Baidu LAC backend (kg build --ner lac). LAC 2.1.2's setup.py imports
# pkg_resources, which setuptools>=70 lacks, so it is built without isolation.
lac: $(STAMP)
	$(BIN)/python -m pip install --quiet "setuptools<70" wheel paddlepaddle==3.3.1
	$(BIN)/python -m pip install --quiet --no-build-isolation lac==2.1.2

clean:
	rm -rf $(VENV) out/*.ttl out/*.html out/*.csv out/*.graphml out/*.gexf out/*.jsonld out/neo4j out/subgraph out/.cache out/.kg-build.json
