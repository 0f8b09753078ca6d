# SPDX-License-Identifier: GPL-2.0
# honeynet (tools/honeynet) and its unit tests (tests/unit/honeynet).
HONEYNET_SRC := $(call c_tree,tools/honeynet)
HONEYNET_LIB := $(filter-out tools/honeynet/main.c,$(HONEYNET_SRC))
HONEYNET_TESTS := $(call c_tree,tests/unit/honeynet)
# The unit tests compare derived files with the ones here.
HONEYNET_GOLDEN := -DGOLDEN_DIR='"$(CURDIR)/tests/unit/honeynet/golden"'

# One folder a concern (conf, dc, lab, ...); each includes the others' headers by name.
HONEYNET_INC := $(addprefix -I,$(call dirs_under,tools/honeynet)) -Icommon

$(call cppflags,tools/honeynet/,$(HONEYNET_INC))
$(call cppflags,tests/unit/honeynet/,$(HONEYNET_INC) -Itests/unit $(HONEYNET_GOLDEN))

PROGRAMS += $(B)/bin/honeynet
UNIT_BINS += $(B)/tests/honeynet-unit $(B)/tests/honeynet-unit-san

$(B)/bin/honeynet: $(call prog,plain,$(HONEYNET_SRC))
	$(call link,plain,)

HONEYNET_UNIT_SRC := $(HONEYNET_TESTS) tests/unit/run_suites.c $(HONEYNET_LIB)

$(B)/tests/honeynet-unit: $(call prog,plain,$(HONEYNET_UNIT_SRC))
	$(call link,plain,$(CHECK_LIBS))

$(B)/tests/honeynet-unit-san: $(call prog,san,$(HONEYNET_UNIT_SRC))
	$(call link,san,$(CHECK_LIBS))

# The config parsers' fuzz target (mk/fuzz.mk): any text, against what an
# accepted config promises; its corpus replayed under ASan/UBSan, and make
# fuzz-honeynet-conf.
HONEYNET_FUZZ := tests/fuzz/fuzz_honeynet_conf.c
HONEYNET_CONF_SRC := $(addprefix tools/honeynet/conf/,conf_parse.c dc_config.c honeynet_conf.c)
UNIT_BINS += $(B)/tests/honeynet-fuzz-conf-replay
$(call cppflags,$(HONEYNET_FUZZ),$(HONEYNET_INC))

$(B)/tests/honeynet-fuzz-conf-replay: $(call prog,san,$(FUZZ_REPLAY) $(HONEYNET_FUZZ) $(HONEYNET_CONF_SRC))
	$(call link,san,)

$(B)/tests/honeynet-fuzz-conf: $(call prog,fuzz,$(HONEYNET_FUZZ) $(HONEYNET_CONF_SRC))
	$(call link,fuzz,)

.PHONY: fuzz-honeynet-conf
fuzz-honeynet-conf: $(B)/tests/honeynet-fuzz-conf
	$(call fuzz_run,$(B)/tests/honeynet-fuzz-conf,corpus-honeynet-conf)

fuzz: fuzz-honeynet-conf

# The watch feed's fuzz target: any events.jsonl line through its JSON
# reader and formatter, against printable output of at most 79 columns and
# jansson as a second parser; its corpus (real lines of a lab run, hostile
# ones) replayed under ASan/UBSan, and make fuzz-watch.
WATCH_FUZZ := tests/fuzz/fuzz_watch.c
WATCH_FUZZ_SRC := $(addprefix tools/honeynet/watch/,watch_format.c watch_json.c) $(FUZZ_JSON)
UNIT_BINS += $(B)/tests/honeynet-fuzz-watch-replay
$(call cppflags,$(WATCH_FUZZ),$(HONEYNET_INC))

$(B)/tests/honeynet-fuzz-watch-replay: $(call prog,san,$(FUZZ_REPLAY) $(WATCH_FUZZ) $(WATCH_FUZZ_SRC))
	$(call link,san,$(FUZZ_JSON_LIBS))

$(B)/tests/honeynet-fuzz-watch: $(call prog,fuzz,$(WATCH_FUZZ) $(WATCH_FUZZ_SRC))
	$(call link,fuzz,$(FUZZ_JSON_LIBS))

.PHONY: fuzz-watch
fuzz-watch: $(B)/tests/honeynet-fuzz-watch
	$(call fuzz_run,$(B)/tests/honeynet-fuzz-watch,corpus-watch)

fuzz: fuzz-watch
