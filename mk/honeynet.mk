# honeynet (tools/honeynet) and its unit tests (tests/unit/honeynet).
HONEYNET_SRC := $(sort $(wildcard tools/honeynet/*.c)) common/report.c common/write_all.c common/parse_uint.c \
	common/bytesize.c common/budget_policy.c \
	common/persona_apply.c common/persona_parse.c common/persona_load.c
HONEYNET_HDR := $(wildcard tools/honeynet/*.h) common/report.h common/write_all.h common/persona.h common/parse_uint.h \
	common/bytesize.h common/budget_policy.h common/nflog_prefix.h
HONEYNET_LIB := $(filter-out tools/honeynet/main.c,$(HONEYNET_SRC))
HONEYNET_TESTS := $(sort $(wildcard tests/unit/honeynet/*.c))
# The unit tests compare derived files with the ones here.
HONEYNET_GOLDEN := -DGOLDEN_DIR='"$(CURDIR)/tests/unit/honeynet/golden"'

PROGRAMS += $(B)/bin/honeynet
UNIT_BINS += $(B)/tests/honeynet-unit $(B)/tests/honeynet-unit-san

$(B)/bin/honeynet: $(HONEYNET_SRC) $(HONEYNET_HDR) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Icommon -o $@.tmp $(HONEYNET_SRC) && mv $@.tmp $@

$(B)/tests/honeynet-unit: $(HONEYNET_TESTS) tests/unit/run_suites.c $(HONEYNET_LIB) $(HONEYNET_HDR) tests/unit/honeynet/suites.h | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Itools/honeynet -Itests/unit -Icommon $(HONEYNET_GOLDEN) -o $@.tmp $(HONEYNET_TESTS) tests/unit/run_suites.c $(HONEYNET_LIB) $(CHECK_LIBS) && mv $@.tmp $@

$(B)/tests/honeynet-unit-san: $(HONEYNET_TESTS) tests/unit/run_suites.c $(HONEYNET_LIB) $(HONEYNET_HDR) tests/unit/honeynet/suites.h | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANITIZE) -Itools/honeynet -Itests/unit -Icommon $(HONEYNET_GOLDEN) -o $@.tmp $(HONEYNET_TESTS) tests/unit/run_suites.c $(HONEYNET_LIB) $(CHECK_LIBS) && mv $@.tmp $@
