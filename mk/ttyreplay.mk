# ttyreplay (tools/ttyreplay) and its unit tests (tests/unit/ttyreplay).
TTYREPLAY_SRC := $(sort $(wildcard tools/ttyreplay/*.c)) common/ttylog.c common/parse_uint.c common/utf8.c \
	common/json_str.c
TTYREPLAY_HDR := $(wildcard tools/ttyreplay/*.h) common/ttylog.h common/parse_uint.h common/utf8.h \
	common/json_str.h common/byteorder.h
TTYREPLAY_LIB := $(filter-out tools/ttyreplay/main.c,$(TTYREPLAY_SRC))
TTYREPLAY_TESTS := $(sort $(wildcard tests/unit/ttyreplay/*.c))
TTYREPLAY_TEST_HDR := $(wildcard tests/unit/ttyreplay/*.h)
TTYREPLAY_INC := -Icommon -Itools/ttyreplay
TTYREPLAY_LIBS := -lz -lm
# The unit tests compare exports with the files here.
TTYREPLAY_GOLDEN := -DGOLDEN_DIR='"$(CURDIR)/tests/unit/ttyreplay/golden"'

PROGRAMS += $(B)/bin/ttyreplay
UNIT_BINS += $(B)/tests/ttyreplay-unit $(B)/tests/ttyreplay-unit-san

$(B)/bin/ttyreplay: $(TTYREPLAY_SRC) $(TTYREPLAY_HDR) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(TTYREPLAY_INC) -o $@.tmp $(TTYREPLAY_SRC) $(TTYREPLAY_LIBS) && mv $@.tmp $@

$(B)/tests/ttyreplay-unit: $(TTYREPLAY_TESTS) tests/unit/run_suites.c $(TTYREPLAY_TEST_HDR) $(TTYREPLAY_LIB) $(TTYREPLAY_HDR) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(TTYREPLAY_INC) -Itests/unit $(TTYREPLAY_GOLDEN) -o $@.tmp $(TTYREPLAY_TESTS) tests/unit/run_suites.c $(TTYREPLAY_LIB) $(CHECK_LIBS) $(TTYREPLAY_LIBS) && mv $@.tmp $@

$(B)/tests/ttyreplay-unit-san: $(TTYREPLAY_TESTS) tests/unit/run_suites.c $(TTYREPLAY_TEST_HDR) $(TTYREPLAY_LIB) $(TTYREPLAY_HDR) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANITIZE) $(TTYREPLAY_INC) -Itests/unit $(TTYREPLAY_GOLDEN) -o $@.tmp $(TTYREPLAY_TESTS) tests/unit/run_suites.c $(TTYREPLAY_LIB) $(CHECK_LIBS) $(TTYREPLAY_LIBS) && mv $@.tmp $@

# The reader's fuzz target (mk/fuzz.mk): hostile ttylog files, plain and
# gzipped, against a model of the layout; its corpus replayed under
# ASan/UBSan, and make fuzz-ttyreplay.
TTYREPLAY_FUZZ := tests/fuzz/fuzz_ttyreplay.c
TTYREPLAY_FUZZ_SRC := tools/ttyreplay/ttylog_read.c tools/ttyreplay/session.c common/ttylog.c
UNIT_BINS += $(B)/tests/ttyreplay-fuzz-replay
ttyreplay_fuzz = -DREPLAY_CORPUS='"tests/fuzz/corpus-ttyreplay"' $(TTYREPLAY_INC) -o $@.tmp $(TTYREPLAY_FUZZ) $(TTYREPLAY_FUZZ_SRC) -lz

$(B)/tests/ttyreplay-fuzz-replay: $(TTYREPLAY_FUZZ) $(FUZZ_REPLAY) $(TTYREPLAY_FUZZ_SRC) $(TTYREPLAY_HDR) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANITIZE) $(FUZZ_REPLAY) $(ttyreplay_fuzz) && mv $@.tmp $@

$(B)/tests/ttyreplay-fuzz: $(TTYREPLAY_FUZZ) $(TTYREPLAY_FUZZ_SRC) $(TTYREPLAY_HDR)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) $(ttyreplay_fuzz) && mv $@.tmp $@

.PHONY: fuzz-ttyreplay
fuzz-ttyreplay: $(B)/tests/ttyreplay-fuzz
	$(call fuzz_run,$(B)/tests/ttyreplay-fuzz,corpus-ttyreplay,tests/fuzz/gen-seeds-more.py ttyreplay)

fuzz: fuzz-ttyreplay
