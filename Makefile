# A thin layer over CMake (the DuckDB convention). `make demo` and `make test` work on a fresh
# Debian 12 machine as root: they install the packages they need first.
BUILD ?= build
BUILD_TYPE ?= RelWithDebInfo
CMAKE_FLAGS ?=
JOBS ?= $(shell nproc)
KGX = $(BUILD)/cli/kgx

.PHONY: all deps build demo test clean bench-quantities

all: build

deps:
	@.ci/install-deps

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

demo: build
	@echo "== kgx extract samples/ =="
	@$(KGX) extract samples --format graphml --format gexf --format jsonld --format jsonl --format dot --out out
	@if command -v dot >/dev/null 2>&1; then dot -Tsvg out/graph.dot -o out/graph.svg && echo "  rendered: out/graph.svg"; \
	 else echo "  (install graphviz to render out/graph.svg)"; fi
	@echo "== kgx query samples mentions Lambda =="
	@$(KGX) query samples mentions Lambda | head -20

test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# kgx against Microsoft Recognizers-Text on the shared notes (npm package into bench/node_modules)
bench-quantities: build
	@bench/quantities_vs_recognizers.sh $(KGX) ../shared

# Extraction throughput against ripgrep, peak memory and time per stage on a synthetic corpus of
# MB megabytes (default 200; MB="50 200 400" runs several sizes). Prints a table; no threshold.
MB ?= 200
.PHONY: bench
bench: build
	@python3 bench/extract_vs_ripgrep.py --kgx $(KGX) --shared ../shared --mb "$(MB)"

# Issue 8, hostile input (all three run in CI, .ci/run). `make sanitize`: everything built with
# AddressSanitizer (LeakSanitizer included) and UndefinedBehaviorSanitizer in one reused folder,
# then every test through CTest. `make sanitize-extract`: that kgx extracts
# SANITIZE_EXTRACT_INPUTS to every format. Any sanitizer report of any process fails either
# (tests/sanitizers/no_reports.sh). `make fuzz`: the libFuzzer targets (clang) built in their own
# folder, each run for FUZZ_SECONDS after replaying tests/fuzz/regressions/.
SANITIZE_BUILD ?= build-asan
SANITIZE_REPORTS = $(abspath $(SANITIZE_BUILD))/sanitizer-reports
SANITIZE_RUN = tests/sanitizers/no_reports.sh
SANITIZE_EXTRACT_INPUTS ?= samples
KGX_FORMATS = graphml gexf jsonld jsonl dot cypher neo4j
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 300
FUZZ_TARGETS = normalizer quantity rules segmenter extract
.PHONY: sanitize-build sanitize sanitize-extract fuzz

# Warnings are not errors here: gcc's instrumentation makes false -Wmaybe-uninitialized in
# library headers (Catch2, <functional>); the normal build enforces warnings.
sanitize-build: deps
	@cmake -S . -B $(SANITIZE_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKGX_SANITIZE=ON -DKGX_WERROR=OFF $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(SANITIZE_BUILD) -j2

sanitize: sanitize-build
	@$(SANITIZE_RUN) $(SANITIZE_REPORTS)/tests ctest --test-dir $(SANITIZE_BUILD) --output-on-failure -j2

sanitize-extract: sanitize-build
	@rm -rf $(SANITIZE_BUILD)/extract-out
	@$(SANITIZE_RUN) $(SANITIZE_REPORTS)/extract $(SANITIZE_BUILD)/cli/kgx extract $(SANITIZE_EXTRACT_INPUTS) \
	  $(addprefix --format ,$(KGX_FORMATS)) --out $(SANITIZE_BUILD)/extract-out

fuzz:
	@.ci/install-deps --ci
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKGX_FUZZ=ON -DKGX_TESTS=OFF >/dev/null
	@cmake --build $(FUZZ_BUILD) -j2 --target $(addsuffix _fuzz,$(FUZZ_TARGETS))
	@tests/fuzz/run_fuzzers.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf $(BUILD) out
