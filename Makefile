# Gradus: the two set-up commands are `make site` and `make test`.
# Each installs, only when missing, the Debian packages the project needs.

SWIFT ?= swift
# Debian packages: cmark-gfm (cmark with GitHub's extensions) for Markdown, libseccomp for the kernel
# sandbox, KaTeX for math in the site, zlib for the Gradescope autograder zip.
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libseccomp-dev libjs-katex pkg-config zlib1g-dev
# The site's browser tests open pages in Debian's headless chromium (the axe-core test drives it
# through chromedriver); the autograder test unpacks its zip with unzip.
TEST_PACKAGES := chromium chromium-driver unzip
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps test-deps venv-test venv-bench test bench fixtures site fuzz

# Python tools live in one venv under .build/, created when missing; each purpose has its own
# requirements file so `make test` never downloads torch.
VENV := .build/venv
PYTHON := $(VENV)/bin/python

# Installs the packages in $(1) that are missing, running apt-get update once before installing.
define install_missing
	@missing=""; \
	for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
endef

## deps: install the missing Debian packages the build needs.
deps:
	$(call install_missing,$(APT_PACKAGES))

## test-deps: the build's packages plus chromium for the browser test, in one install.
test-deps:
	$(call install_missing,$(APT_PACKAGES) $(TEST_PACKAGES))

$(PYTHON):
	python3 -m venv $(VENV)

## venv-test: the Python tools the tests call (scripts/requirements-test.txt), installed when missing.
venv-test: $(PYTHON)
	$(PYTHON) -m pip install -q --disable-pip-version-check -r scripts/requirements-test.txt

## venv-bench: torch for the benchmarks and fixtures (scripts/requirements-bench.txt).
venv-bench: $(PYTHON)
	$(PYTHON) -m pip install -q --disable-pip-version-check -r scripts/requirements-bench.txt

## site: build gradus in release and build site/ from lessons/ (see docs/site.md).
site: deps
	$(SWIFT) build -c release --product gradus
	.build/release/gradus build --lessons lessons --out site

## test: build everything and run every test suite.
test: test-deps venv-test
	$(SWIFT) build --build-tests
	$(SWIFT) test

## bench: release-built benchmarks: Descent beside torch (needs `pip install torch==2.13.0`),
## and the interpreter beside the same training compiled against Descent. One product per
## `swift build`: given two --product options it builds only the last.
bench: deps venv-bench
	$(SWIFT) build -c release --product descent-bench
	$(SWIFT) build -c release --product gradus
	$(PYTHON) scripts/bench-torch.py --json > .build/torch-bench.json
	.build/release/descent-bench --torch .build/torch-bench.json
	.build/release/gradus bench

## fuzz: feed mutated lessons to Lessons and the interpreter for FUZZ_SECONDS (default 600) under
## libFuzzer and ASan, from the course, docs and case files; crashes land in .build-fuzzer/artifacts/
## (docs/fuzzing.md). `make test` only replays the seeds and Fuzz/regressions/.
FUZZ_SECONDS ?= 600
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

## fixtures: regenerate the PyTorch reference fixtures (needs torch 2.13).
fixtures: venv-bench
	$(PYTHON) scripts/make-fixtures.py
