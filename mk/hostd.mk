# hostd (hostd/), its unit tests (tests/unit/hostd), the fuzz corpus replay
# and `make fuzz` (tests/fuzz).
HOSTD_SRC := $(sort $(wildcard hostd/*.c)) common/ttylog.c common/report.c common/write_all.c
HOSTD_HDR := $(wildcard hostd/*.h) common/ttylog.h common/report.h common/write_all.h
HOSTD_LIB := $(filter-out hostd/main.c,$(HOSTD_SRC))
HOSTD_INC := -Ihostd -Icommon
HOSTD_LIBS := -lz -lcrypto -lpcap
HOSTD_TESTS := $(sort $(wildcard tests/unit/hostd/*.c))
HOSTD_TEST_HDR := $(wildcard tests/unit/hostd/*.h)
HOSTD_FUZZ_TARGET := tests/fuzz/fuzz_stream.c
HOSTD_FUZZ_REPLAY := tests/fuzz/replay_main.c
# Small limits in the fuzz builds, so short inputs reach them.
HOSTD_FUZZ_DEFS := -DHOSTD_MAX_SESSIONS=16 -DWIRE_BUF_SIZE=8256

PROGRAMS += $(B)/bin/hostd
UNIT_BINS += $(B)/tests/hostd-unit $(B)/tests/hostd-unit-san $(B)/tests/hostd-fuzz-replay

$(B)/bin/hostd: $(HOSTD_SRC) $(HOSTD_HDR) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(HOSTD_INC) -o $@.tmp $(HOSTD_SRC) $(HOSTD_LIBS) && mv $@.tmp $@

$(B)/tests/hostd-unit: $(HOSTD_TESTS) tests/unit/run_suites.c $(HOSTD_TEST_HDR) $(HOSTD_LIB) $(HOSTD_HDR) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(HOSTD_INC) -Itests/unit/hostd -Itests/unit -o $@.tmp $(HOSTD_TESTS) tests/unit/run_suites.c $(HOSTD_LIB) $(CHECK_LIBS) $(HOSTD_LIBS) && mv $@.tmp $@

$(B)/tests/hostd-unit-san: $(HOSTD_TESTS) tests/unit/run_suites.c $(HOSTD_TEST_HDR) $(HOSTD_LIB) $(HOSTD_HDR) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANITIZE) $(HOSTD_INC) -Itests/unit/hostd -Itests/unit -o $@.tmp $(HOSTD_TESTS) tests/unit/run_suites.c $(HOSTD_LIB) $(CHECK_LIBS) $(HOSTD_LIBS) && mv $@.tmp $@

# Replays every file of tests/fuzz/corpus (from the repo root, or
# HOSTD_FUZZ_CORPUS, or its first argument) under ASan/UBSan.
$(B)/tests/hostd-fuzz-replay: $(HOSTD_FUZZ_TARGET) $(HOSTD_FUZZ_REPLAY) $(HOSTD_LIB) $(HOSTD_HDR) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANITIZE) $(HOSTD_FUZZ_DEFS) $(HOSTD_INC) -o $@.tmp $(HOSTD_FUZZ_TARGET) $(HOSTD_FUZZ_REPLAY) $(HOSTD_LIB) $(HOSTD_LIBS) && mv $@.tmp $@

# make fuzz: libFuzzer (clang) for FUZZ_RUNS executions (FUZZ_RUNS=0: no
# limit, FUZZ_SECS then bounds it), new inputs in $(B)/fuzz/new; then the
# committed corpus and the new inputs are merged to a set covering the same
# edges (counters off, so it stays small) plus the generated seeds, which
# replaces tests/fuzz/corpus.
FUZZ_CC := clang
FUZZ_RUNS ?= 10000000
FUZZ_SECS ?= 0
FUZZ_MAX_LEN ?= 9000
FUZZ_FLAGS := -std=c11 -O1 -g -D_GNU_SOURCE $(WARN) -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

.PHONY: fuzz
$(B)/tests/hostd-fuzz: $(HOSTD_FUZZ_TARGET) $(HOSTD_LIB) $(HOSTD_HDR)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) $(HOSTD_FUZZ_DEFS) $(HOSTD_INC) -o $@.tmp $(HOSTD_FUZZ_TARGET) $(HOSTD_LIB) $(HOSTD_LIBS) && mv $@.tmp $@

fuzz: $(B)/tests/hostd-fuzz
	@mkdir -p $(B)/fuzz/new $(B)/fuzz/artifacts
	$(B)/tests/hostd-fuzz -runs=$(FUZZ_RUNS) -max_total_time=$(FUZZ_SECS) \
		-max_len=$(FUZZ_MAX_LEN) -print_final_stats=1 \
		-artifact_prefix=$(B)/fuzz/artifacts/ $(B)/fuzz/new tests/fuzz/corpus
	rm -rf $(B)/fuzz/merged && mkdir -p $(B)/fuzz/merged
	$(B)/tests/hostd-fuzz -merge=1 -use_counters=0 -max_len=$(FUZZ_MAX_LEN) $(B)/fuzz/merged tests/fuzz/corpus $(B)/fuzz/new
	python3 tests/fuzz/gen-seeds.py $(B)/fuzz/merged
	rm -rf tests/fuzz/corpus.old && mv tests/fuzz/corpus tests/fuzz/corpus.old && \
		mv $(B)/fuzz/merged tests/fuzz/corpus && rm -rf tests/fuzz/corpus.old
	@echo "corpus: $$(ls tests/fuzz/corpus | wc -l) files, $$(du -sk tests/fuzz/corpus | cut -f1) KiB"
