# The /proc persona (common/persona*.c, shared with the kernel patch) and its
# unit tests (tests/unit/persona).
PERSONA_SRC := common/persona_apply.c common/persona_parse.c common/persona_load.c
PERSONA_HDR := common/persona.h
PERSONA_TESTS := $(sort $(wildcard tests/unit/persona/*.c))
PERSONA_TEST_HDR := $(wildcard tests/unit/persona/*.h)

UNIT_BINS += $(B)/tests/persona-unit $(B)/tests/persona-unit-san

$(B)/tests/persona-unit: $(PERSONA_TESTS) tests/unit/run_suites.c $(PERSONA_TEST_HDR) $(PERSONA_SRC) $(PERSONA_HDR) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Icommon -Itests/unit -o $@.tmp $(PERSONA_TESTS) tests/unit/run_suites.c $(PERSONA_SRC) $(CHECK_LIBS) && mv $@.tmp $@

$(B)/tests/persona-unit-san: $(PERSONA_TESTS) tests/unit/run_suites.c $(PERSONA_TEST_HDR) $(PERSONA_SRC) $(PERSONA_HDR) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANITIZE) -Icommon -Itests/unit -o $@.tmp $(PERSONA_TESTS) tests/unit/run_suites.c $(PERSONA_SRC) $(CHECK_LIBS) && mv $@.tmp $@

# The filter's fuzz target (mk/fuzz.mk): guest-controlled content against a
# line-by-line model; its corpus replayed under ASan/UBSan, and make
# fuzz-persona.
PERSONA_FUZZ := tests/fuzz/fuzz_persona.c
UNIT_BINS += $(B)/tests/persona-fuzz-replay
persona_fuzz = -DREPLAY_CORPUS='"tests/fuzz/corpus-persona"' -Icommon -o $@.tmp $(PERSONA_FUZZ) $(PERSONA_SRC)

$(B)/tests/persona-fuzz-replay: $(PERSONA_FUZZ) $(FUZZ_REPLAY) $(PERSONA_SRC) $(PERSONA_HDR) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANITIZE) $(FUZZ_REPLAY) $(persona_fuzz) && mv $@.tmp $@

$(B)/tests/persona-fuzz: $(PERSONA_FUZZ) $(PERSONA_SRC) $(PERSONA_HDR)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) $(persona_fuzz) && mv $@.tmp $@

.PHONY: fuzz-persona
fuzz-persona: $(B)/tests/persona-fuzz
	$(call fuzz_run,$(B)/tests/persona-fuzz,corpus-persona,tests/fuzz/gen-seeds-more.py persona)

fuzz: fuzz-persona
