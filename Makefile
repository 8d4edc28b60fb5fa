# The README's two commands, each doing all the set-up it needs the first time and reusing it after:
#
#     make book    # the site, in _build/html
#     make test    # the tests (site and browser tests run over the last `make book`)
#
# The set-up: a virtual environment in .venv, PyTorch's CPU build of the pinned torch, every other package at the
# version requirements.lock pins (the versions the book was built and tested with), makemore_lib in editable
# mode, esbuild from package-lock.json (npm ci, where npm exists), and names.txt (MAKEMORE_NAMES, else the
# library's checked download). It runs again only when requirements.lock, requirements.txt, pyproject.toml or
# package-lock.json change: the stamp file's name holds their hash.
#
#     make lock    # refresh requirements.lock: a fresh environment from requirements.txt, frozen
#     make setup   # only the set-up

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The one torch version: requirements.txt's pin.
TORCH := $(shell sed -n 's/^torch==\([^ #]*\).*/\1/p' requirements.txt)
TORCH_INDEX := https://download.pytorch.org/whl/cpu
SETUP_HASH := $(shell cat requirements.lock 2>/dev/null requirements.txt pyproject.toml package-lock.json | sha256sum | cut -c1-16)
STAMP := $(VENV)/.setup-$(SETUP_HASH)
# names.txt: MAKEMORE_NAMES when set, else the library's download into its cache (once, sha256 checked). Offline
# without it, MAKEMORE_NAMES stays unset: the build stops with the loader's message, the dataset tests skip.
WITH_NAMES = names=$${MAKEMORE_NAMES:-$$($(BIN)/python -c 'from makemore_lib.data import download_names; print(download_names())' 2>/dev/null)}; \
	if [ -n "$$names" ]; then export MAKEMORE_NAMES="$$names"; else unset MAKEMORE_NAMES; \
	echo "names.txt: not found nor downloaded (set MAKEMORE_NAMES to its path)"; fi;

.PHONY: book test setup lock
.DEFAULT_GOAL := book

book: $(STAMP)
	@$(WITH_NAMES) set -x; $(BIN)/jupyter-book build book/ $(BUILD_FLAGS)

test: $(STAMP)
	@$(WITH_NAMES) set -x; $(BIN)/python -m pytest $(PYTEST_FLAGS)

setup: $(STAMP)

$(STAMP):
	rm -f $(VENV)/.setup-*
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q "torch==$(TORCH)" --no-deps --index-url $(TORCH_INDEX)
	$(BIN)/pip install -q -r requirements.txt -c requirements.lock
	if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent; \
	else echo "npm not found: the widgets' JavaScript tests will skip (they need node and npm)"; fi
	touch $@

# A fresh environment installs requirements.txt (CPU torch first, as above), and its `pip freeze` becomes the lock.
# The lock pins torch without its local label (2.13.0, not 2.13.0+cpu): the build comes from the index named in the
# torch line above, and macOS wheels carry no +cpu label.
lock:
	rm -rf build/lock-venv
	$(PYTHON) -m venv build/lock-venv
	build/lock-venv/bin/pip install -q "torch==$(TORCH)" --no-deps --index-url $(TORCH_INDEX)
	build/lock-venv/bin/pip install -q -r requirements.txt
	{ echo "# Every package of the build and test environment at the version tested, for pip's -c (constraints)."; \
	  echo "# Made by 'make lock' (Python $$(build/lock-venv/bin/python -c 'import platform; print(platform.python_version())'), Linux x86-64); do not edit by hand."; \
	  build/lock-venv/bin/pip freeze --exclude-editable | sed 's/^\(torch==[^+]*\)+.*/\1/'; } > requirements.lock
	rm -rf build/lock-venv
	@echo "requirements.lock: $$(grep -vc '^#' requirements.lock) packages"
