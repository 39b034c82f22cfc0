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

clean:
	rm -rf $(BUILD) out
