# Thin wrapper around tools/setup and CMake (the way neovim's Makefile is).
#   make            set up (once), configure and build  -> build/bin/jsvm
#   make run        build, then run samples/hello.js with jsvm
#   make test       build, then run the whole test suite through ctest
#   make bench      build, then run the benchmark suite (bench/run)
#   make asan       the tests in an ASan+UBSan build (build-asan/)
#   make test-boehm the tests with the Boehm GC fallback (build-boehm/)
#   make test-stress the tests with a collection every GC_STRESS allocations
#                   and the heap verified after each (--gc-stress --verify-heap)
#   make debug      a Debug build in build-debug/
# Variables: BUILD_TYPE=Release|Debug, BUILD_DIR=build, CMAKE_FLAGS=...,
#            GC_STRESS=N (make test-stress; default 200)
BUILD_TYPE ?= Release
BUILD_DIR  ?= build
CMAKE_FLAGS ?=
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
JSVM := $(BUILD_DIR)/bin/jsvm
GC_STRESS ?= 200

.PHONY: all setup run test test-boehm test-stress bench asan debug clean

all: setup
	@test -f $(BUILD_DIR)/CMakeCache.txt || \
	  cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Idempotent: a second or so when everything is installed already.
setup:
	@tools/setup

# `run` builds and runs the sample program.
run: all
	$(JSVM) samples/hello.js

test: all
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: all
	bench/run

asan:
	$(MAKE) test BUILD_DIR=build-asan BUILD_TYPE=Debug CMAKE_FLAGS="-DJSVM_SANITIZE=ON"

test-boehm:
	$(MAKE) test BUILD_DIR=build-boehm CMAKE_FLAGS="-DJSVM_GC=boehm"

# Every test, with collections every GC_STRESS allocations (scavenges,
# incremental marking cycles, full collections) and --verify-heap after
# each, timeouts scaled for the slowdown (jsvm reads JSVM_OPTIONS): the
# ctest cases, then test262's execution subset of ctest (run.py directly:
# ctest's own time limit for it is fixed at configure time).
STRESS_ENV = JSVM_OPTIONS="--gc-stress=$(GC_STRESS) --verify-heap" JSVM_TIMEOUT_SCALE=20
# (tests labelled heavy collect 50 times less often: deep C stacks.)
HEAVY_ENV = JSVM_OPTIONS="--gc-stress=$$(( $(GC_STRESS) * 50 )) --verify-heap" JSVM_TIMEOUT_SCALE=20
test-stress: all
	cd $(BUILD_DIR) && $(STRESS_ENV) ctest --output-on-failure -j $(JOBS) -E test262 -LE heavy
	cd $(BUILD_DIR) && $(HEAVY_ENV) ctest --output-on-failure -j $(JOBS) -L heavy
	$(STRESS_ENV) python3 tests/test262/run.py --jsvm $(JSVM) -j $(JOBS) --max-list 50 \
	  --only language/expressions --only built-ins/Array --only harness

debug:
	$(MAKE) all BUILD_DIR=build-debug BUILD_TYPE=Debug

clean:
	rm -rf build build-debug build-asan build-boehm
