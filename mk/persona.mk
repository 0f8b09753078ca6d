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
