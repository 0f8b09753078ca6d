# hostd (hostd/), its unit tests (tests/unit/hostd), the fuzz corpus replay
# and `make fuzz` (tests/fuzz).
HOSTD_SRC := $(sort $(wildcard hostd/*.c)) common/ttylog.c common/report.c common/write_all.c \
	common/parse_uint.c common/bytesize.c common/budget_policy.c
HOSTD_HDR := $(wildcard hostd/*.h) common/ttylog.h common/report.h common/write_all.h \
	common/parse_uint.h common/bytesize.h common/budget_policy.h
HOSTD_LIB := $(filter-out hostd/main.c,$(HOSTD_SRC))
HOSTD_INC := -Ihostd -Icommon
HOSTD_LIBS := -lz -lcrypto -lpcap -lseccomp
HOSTD_TESTS := $(sort $(wildcard tests/unit/hostd/*.c))
HOSTD_TEST_HDR := $(wildcard tests/unit/hostd/*.h)
HOSTD_FUZZ_TARGET := tests/fuzz/fuzz_stream.c
HOSTD_FUZZ_WIRE := tests/fuzz/fuzz_wire.c
HOSTD_FUZZ_COMMON := tests/fuzz/chunk.c tests/fuzz/jsoncheck.c
HOSTD_FUZZ_REPLAY := tests/fuzz/replay_main.c
# Small limits in the fuzz builds, so short inputs reach them.
HOSTD_FUZZ_DEFS := -DHOSTD_MAX_SESSIONS=16 -DWIRE_BUF_SIZE=8256

PROGRAMS += $(B)/bin/hostd
UNIT_BINS += $(B)/tests/hostd-unit $(B)/tests/hostd-unit-san $(B)/tests/hostd-fuzz-replay $(B)/tests/hostd-fuzz-wire-replay

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
# HOSTD_FUZZ_CORPUS, or its first argument) under ASan/UBSan; the wire
# target's replay takes tests/fuzz/corpus-wire the same way.
$(B)/tests/hostd-fuzz-replay: $(HOSTD_FUZZ_TARGET) $(HOSTD_FUZZ_COMMON) $(HOSTD_FUZZ_REPLAY) $(HOSTD_LIB) $(HOSTD_HDR) tests/fuzz/chunk.h tests/fuzz/jsoncheck.h | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANITIZE) $(HOSTD_FUZZ_DEFS) $(HOSTD_INC) -o $@.tmp $(HOSTD_FUZZ_TARGET) $(HOSTD_FUZZ_COMMON) $(HOSTD_FUZZ_REPLAY) $(HOSTD_LIB) $(HOSTD_LIBS) && mv $@.tmp $@

$(B)/tests/hostd-fuzz-wire-replay: $(HOSTD_FUZZ_WIRE) $(HOSTD_FUZZ_COMMON) $(HOSTD_FUZZ_REPLAY) $(HOSTD_LIB) $(HOSTD_HDR) tests/fuzz/chunk.h tests/fuzz/jsoncheck.h | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANITIZE) $(HOSTD_FUZZ_DEFS) -DREPLAY_CORPUS='"tests/fuzz/corpus-wire"' $(HOSTD_INC) -o $@.tmp $(HOSTD_FUZZ_WIRE) $(HOSTD_FUZZ_COMMON) $(HOSTD_FUZZ_REPLAY) $(HOSTD_LIB) $(HOSTD_LIBS) && mv $@.tmp $@

# make fuzz: both libFuzzer (clang) targets, one after the other; make
# fuzz-stream (parser and archive writer, ~1,000 exec/s: it writes files) or
# make fuzz-wire (parser, payloads, session table, JSON escaping in memory)
# runs one. Each runs for FUZZ_RUNS executions (FUZZ_RUNS=-1: no limit,
# FUZZ_SECS then bounds it), new inputs in $(B)/fuzz/CORPUS/new; then its
# committed corpus and the new inputs are merged to a set covering the same
# edges (counters off, so it stays small) plus the generated seeds, which
# replaces tests/fuzz/CORPUS. tests/fuzz/README has the figures of past runs.
FUZZ_CC := clang
FUZZ_RUNS ?= 10000000
FUZZ_SECS ?= 0
FUZZ_MAX_LEN ?= 9000
FUZZ_FLAGS := -std=c11 -O1 -g -D_GNU_SOURCE $(WARN) -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

# $(call fuzz_run,BINARY,CORPUS): the run, the merge and the corpus swap above.
define fuzz_run
	@mkdir -p $(B)/fuzz/$(2)/new $(B)/fuzz/artifacts
	$(1) -runs=$(FUZZ_RUNS) -max_total_time=$(FUZZ_SECS) \
		-max_len=$(FUZZ_MAX_LEN) -print_final_stats=1 \
		-artifact_prefix=$(B)/fuzz/artifacts/ $(B)/fuzz/$(2)/new tests/fuzz/$(2)
	rm -rf $(B)/fuzz/$(2)/merged && mkdir -p $(B)/fuzz/$(2)/merged
	$(1) -merge=1 -use_counters=0 -max_len=$(FUZZ_MAX_LEN) $(B)/fuzz/$(2)/merged tests/fuzz/$(2) $(B)/fuzz/$(2)/new
	python3 tests/fuzz/gen-seeds.py $(B)/fuzz/$(2)/merged
	rm -rf tests/fuzz/$(2).old && mv tests/fuzz/$(2) tests/fuzz/$(2).old && \
		mv $(B)/fuzz/$(2)/merged tests/fuzz/$(2) && rm -rf tests/fuzz/$(2).old
	@echo "$(2): $$(ls tests/fuzz/$(2) | wc -l) files, $$(du -sk tests/fuzz/$(2) | cut -f1) KiB"
endef

.PHONY: fuzz fuzz-stream fuzz-wire
$(B)/tests/hostd-fuzz: $(HOSTD_FUZZ_TARGET) $(HOSTD_FUZZ_COMMON) $(HOSTD_LIB) $(HOSTD_HDR) tests/fuzz/chunk.h tests/fuzz/jsoncheck.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) $(HOSTD_FUZZ_DEFS) $(HOSTD_INC) -o $@.tmp $(HOSTD_FUZZ_TARGET) $(HOSTD_FUZZ_COMMON) $(HOSTD_LIB) $(HOSTD_LIBS) && mv $@.tmp $@

$(B)/tests/hostd-fuzz-wire: $(HOSTD_FUZZ_WIRE) $(HOSTD_FUZZ_COMMON) $(HOSTD_LIB) $(HOSTD_HDR) tests/fuzz/chunk.h tests/fuzz/jsoncheck.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) $(HOSTD_FUZZ_DEFS) $(HOSTD_INC) -o $@.tmp $(HOSTD_FUZZ_WIRE) $(HOSTD_FUZZ_COMMON) $(HOSTD_LIB) $(HOSTD_LIBS) && mv $@.tmp $@

fuzz-stream: $(B)/tests/hostd-fuzz
	$(call fuzz_run,$(B)/tests/hostd-fuzz,corpus)

fuzz-wire: $(B)/tests/hostd-fuzz-wire
	$(call fuzz_run,$(B)/tests/hostd-fuzz-wire,corpus-wire)

fuzz: fuzz-wire fuzz-stream
