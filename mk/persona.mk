# SPDX-License-Identifier: GPL-2.0
# The /proc persona (common/persona*.c, shared with the kernel patch) and its
# unit tests (tests/unit/persona).
PERSONA_TESTS := $(call c_tree,tests/unit/persona)

$(call cppflags,tests/unit/persona/,-Icommon -Itests/unit)

UNIT_BINS += $(B)/tests/persona-unit $(B)/tests/persona-unit-san

$(B)/tests/persona-unit: $(call prog,plain,$(PERSONA_TESTS) tests/unit/run_suites.c)
	$(call link,plain,$(CHECK_LIBS))

$(B)/tests/persona-unit-san: $(call prog,san,$(PERSONA_TESTS) tests/unit/run_suites.c)
	$(call link,san,$(CHECK_LIBS))

# The filter's fuzz target (mk/fuzz.mk): guest-controlled content against a
# line-by-line model; its corpus replayed under ASan/UBSan, and make
# fuzz-persona.
PERSONA_FUZZ := tests/fuzz/fuzz_persona.c
UNIT_BINS += $(B)/tests/persona-fuzz-replay
$(call cppflags,$(PERSONA_FUZZ),-Icommon)

$(B)/tests/persona-fuzz-replay: $(call prog,san,$(FUZZ_REPLAY) $(PERSONA_FUZZ))
	$(call link,san,)

$(B)/tests/persona-fuzz: $(call prog,fuzz,$(PERSONA_FUZZ))
	$(call link,fuzz,)

.PHONY: fuzz-persona
fuzz-persona: $(B)/tests/persona-fuzz
	$(call fuzz_run,$(B)/tests/persona-fuzz,corpus-persona,tests/fuzz/gen-seeds-more.py persona)

fuzz: fuzz-persona
