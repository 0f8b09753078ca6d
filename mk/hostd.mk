# hostd (hostd/), its unit tests (tests/unit/hostd), and its fuzz targets
# (tests/fuzz, mk/fuzz.mk).
HOSTD_SRC := $(sort $(wildcard hostd/*.c)) common/ttylog.c common/report.c common/write_all.c \
	common/parse_uint.c common/bytesize.c common/budget_policy.c
HOSTD_HDR := $(wildcard hostd/*.h) common/ttylog.h common/report.h common/write_all.h \
	common/parse_uint.h common/bytesize.h common/budget_policy.h common/tty_log_wire.h common/nflog_prefix.h
HOSTD_LIB := $(filter-out hostd/main.c,$(HOSTD_SRC))
HOSTD_INC := -Ihostd -Icommon
HOSTD_LIBS := -lz -lcrypto -lpcap -lseccomp
HOSTD_TESTS := $(sort $(wildcard tests/unit/hostd/*.c))
HOSTD_TEST_HDR := $(wildcard tests/unit/hostd/*.h)
HOSTD_FUZZ_TARGET := tests/fuzz/fuzz_stream.c
HOSTD_FUZZ_WIRE := tests/fuzz/fuzz_wire.c
HOSTD_FUZZ_NFLOG := tests/fuzz/fuzz_nflog.c
HOSTD_FUZZ_COMMON := tests/fuzz/chunk.c $(FUZZ_JSON)
# Small limits in the fuzz builds, so short inputs reach them.
HOSTD_FUZZ_DEFS := -DHOSTD_MAX_SESSIONS=16 -DWIRE_BUF_SIZE=8256

PROGRAMS += $(B)/bin/hostd
UNIT_BINS += $(B)/tests/hostd-unit $(B)/tests/hostd-unit-san $(B)/tests/hostd-fuzz-replay $(B)/tests/hostd-fuzz-wire-replay \
	$(B)/tests/hostd-fuzz-nflog-replay

$(B)/bin/hostd: $(HOSTD_SRC) $(HOSTD_HDR) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(HOSTD_INC) -o $@.tmp $(HOSTD_SRC) $(HOSTD_LIBS) && mv $@.tmp $@

# The unit tests also check the fuzz targets' JSON oracle (test_json.c).
hostd_unit = $(HOSTD_INC) -Itests/unit/hostd -Itests/unit -Itests/fuzz -o $@.tmp $(HOSTD_TESTS) tests/unit/run_suites.c $(FUZZ_JSON) $(HOSTD_LIB) $(CHECK_LIBS) $(HOSTD_LIBS) $(FUZZ_JSON_LIBS)

$(B)/tests/hostd-unit: $(HOSTD_TESTS) tests/unit/run_suites.c $(HOSTD_TEST_HDR) $(FUZZ_JSON) tests/fuzz/jsoncheck.h $(HOSTD_LIB) $(HOSTD_HDR) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(hostd_unit) && mv $@.tmp $@

$(B)/tests/hostd-unit-san: $(HOSTD_TESTS) tests/unit/run_suites.c $(HOSTD_TEST_HDR) $(FUZZ_JSON) tests/fuzz/jsoncheck.h $(HOSTD_LIB) $(HOSTD_HDR) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANITIZE) $(hostd_unit) && mv $@.tmp $@

# The fuzz targets (mk/fuzz.mk): each built twice, a replay of its corpus
# under ASan/UBSan that make check runs (tests/fuzz/CORPUS from the repo
# root, or the first argument), and the libFuzzer binary of make fuzz-NAME.
# $(call hostd_fuzz,TARGET.c,CORPUS): the compile line's sources and flags.
hostd_fuzz = $(HOSTD_FUZZ_DEFS) -DREPLAY_CORPUS='"tests/fuzz/$(2)"' $(HOSTD_INC) -o $@.tmp $(1) $(HOSTD_FUZZ_COMMON) $(HOSTD_LIB) $(HOSTD_LIBS) $(FUZZ_JSON_LIBS)
HOSTD_FUZZ_DEPS := $(HOSTD_FUZZ_COMMON) $(HOSTD_LIB) $(HOSTD_HDR) tests/fuzz/chunk.h tests/fuzz/jsoncheck.h

$(B)/tests/hostd-fuzz-replay: $(HOSTD_FUZZ_TARGET) $(FUZZ_REPLAY) $(HOSTD_FUZZ_DEPS) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANITIZE) $(FUZZ_REPLAY) $(call hostd_fuzz,$(HOSTD_FUZZ_TARGET),corpus) && mv $@.tmp $@

$(B)/tests/hostd-fuzz-wire-replay: $(HOSTD_FUZZ_WIRE) $(FUZZ_REPLAY) $(HOSTD_FUZZ_DEPS) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANITIZE) $(FUZZ_REPLAY) $(call hostd_fuzz,$(HOSTD_FUZZ_WIRE),corpus-wire) && mv $@.tmp $@

$(B)/tests/hostd-fuzz-nflog-replay: $(HOSTD_FUZZ_NFLOG) $(FUZZ_REPLAY) $(HOSTD_FUZZ_DEPS) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANITIZE) $(FUZZ_REPLAY) $(call hostd_fuzz,$(HOSTD_FUZZ_NFLOG),corpus-nflog) && mv $@.tmp $@

# make fuzz-stream (parser and archive writer, ~1,000 exec/s: it writes
# files), make fuzz-wire (parser, payloads, session table, JSON escaping in
# memory), make fuzz-nflog (NFLOG and IP parsers, connection events).
.PHONY: fuzz-stream fuzz-wire fuzz-nflog
$(B)/tests/hostd-fuzz: $(HOSTD_FUZZ_TARGET) $(HOSTD_FUZZ_DEPS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) $(call hostd_fuzz,$(HOSTD_FUZZ_TARGET),corpus) && mv $@.tmp $@

$(B)/tests/hostd-fuzz-wire: $(HOSTD_FUZZ_WIRE) $(HOSTD_FUZZ_DEPS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) $(call hostd_fuzz,$(HOSTD_FUZZ_WIRE),corpus-wire) && mv $@.tmp $@

$(B)/tests/hostd-fuzz-nflog: $(HOSTD_FUZZ_NFLOG) $(HOSTD_FUZZ_DEPS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) $(call hostd_fuzz,$(HOSTD_FUZZ_NFLOG),corpus-nflog) && mv $@.tmp $@

fuzz-stream: $(B)/tests/hostd-fuzz
	$(call fuzz_run,$(B)/tests/hostd-fuzz,corpus,tests/fuzz/gen-seeds.py)

fuzz-wire: $(B)/tests/hostd-fuzz-wire
	$(call fuzz_run,$(B)/tests/hostd-fuzz-wire,corpus-wire,tests/fuzz/gen-seeds.py)

fuzz-nflog: $(B)/tests/hostd-fuzz-nflog
	$(call fuzz_run,$(B)/tests/hostd-fuzz-nflog,corpus-nflog,tests/fuzz/gen-seeds-more.py nflog)

fuzz: fuzz-wire fuzz-stream fuzz-nflog
