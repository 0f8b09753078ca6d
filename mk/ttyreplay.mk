# SPDX-License-Identifier: GPL-2.0
# ttyreplay (tools/ttyreplay) and its unit tests (tests/unit/ttyreplay).
TTYREPLAY_SRC := $(call c_tree,tools/ttyreplay)
TTYREPLAY_LIB := $(filter-out tools/ttyreplay/main.c,$(TTYREPLAY_SRC))
TTYREPLAY_TESTS := $(call c_tree,tests/unit/ttyreplay)
TTYREPLAY_INC := -Icommon -Itools/ttyreplay
TTYREPLAY_LIBS := -lz -lm
# The unit tests compare exports with the files here.
TTYREPLAY_GOLDEN := -DGOLDEN_DIR='"$(CURDIR)/tests/unit/ttyreplay/golden"'

$(call cppflags,tools/ttyreplay/,$(TTYREPLAY_INC))
$(call cppflags,tests/unit/ttyreplay/,$(TTYREPLAY_INC) -Itests/unit $(TTYREPLAY_GOLDEN))

PROGRAMS += $(B)/bin/ttyreplay
UNIT_BINS += $(B)/tests/ttyreplay-unit $(B)/tests/ttyreplay-unit-san

$(B)/bin/ttyreplay: $(call prog,plain,$(TTYREPLAY_SRC))
	$(call link,plain,$(TTYREPLAY_LIBS))

TTYREPLAY_UNIT_SRC := $(TTYREPLAY_TESTS) tests/unit/run_suites.c $(TTYREPLAY_LIB)
TTYREPLAY_UNIT_LIBS = $(CHECK_LIBS) $(TTYREPLAY_LIBS)

$(B)/tests/ttyreplay-unit: $(call prog,plain,$(TTYREPLAY_UNIT_SRC))
	$(call link,plain,$(TTYREPLAY_UNIT_LIBS))

$(B)/tests/ttyreplay-unit-san: $(call prog,san,$(TTYREPLAY_UNIT_SRC))
	$(call link,san,$(TTYREPLAY_UNIT_LIBS))

# The reader's fuzz target (mk/fuzz.mk): hostile ttylog files, plain and
# gzipped, against a model of the layout; its corpus replayed under
# ASan/UBSan, and make fuzz-ttyreplay.
TTYREPLAY_FUZZ := tests/fuzz/fuzz_ttyreplay.c
TTYREPLAY_FUZZ_SRC := $(TTYREPLAY_FUZZ) tools/ttyreplay/ttylog_read.c tools/ttyreplay/session.c
UNIT_BINS += $(B)/tests/ttyreplay-fuzz-replay
$(call cppflags,$(TTYREPLAY_FUZZ),$(TTYREPLAY_INC))

$(B)/tests/ttyreplay-fuzz-replay: $(call prog,san,$(FUZZ_REPLAY) $(TTYREPLAY_FUZZ_SRC))
	$(call link,san,-lz)

$(B)/tests/ttyreplay-fuzz: $(call prog,fuzz,$(TTYREPLAY_FUZZ_SRC))
	$(call link,fuzz,-lz)

.PHONY: fuzz-ttyreplay
fuzz-ttyreplay: $(B)/tests/ttyreplay-fuzz
	$(call fuzz_run,$(B)/tests/ttyreplay-fuzz,corpus-ttyreplay,tests/fuzz/gen-seeds-more.py ttyreplay)

fuzz: fuzz-ttyreplay
