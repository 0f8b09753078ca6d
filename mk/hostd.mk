# SPDX-License-Identifier: GPL-2.0
# hostd (hostd/), its unit tests (tests/unit/hostd), and its fuzz targets
# (tests/fuzz, mk/fuzz.mk).
HOSTD_SRC := $(call c_tree,hostd)
HOSTD_LIB := $(filter-out hostd/main.c,$(HOSTD_SRC))
HOSTD_INC := $(addprefix -I,$(call dirs_under,hostd)) -Icommon
HOSTD_LIBS := -lz -lcrypto -lpcap -lseccomp
HOSTD_TESTS := $(call c_tree,tests/unit/hostd)
HOSTD_FUZZ_TARGET := tests/fuzz/fuzz_stream.c
HOSTD_FUZZ_WIRE := tests/fuzz/fuzz_wire.c
HOSTD_FUZZ_NFLOG := tests/fuzz/fuzz_nflog.c
HOSTD_FUZZ_COMMON := tests/fuzz/chunk.c $(FUZZ_JSON)
# Small limits in the fuzz builds, so short inputs reach them: their own
# flavours, sanitized (the corpus replays) and libFuzzer.
HOSTD_FUZZ_DEFS := -DHOSTD_MAX_SESSIONS=16 -DWIRE_BUF_SIZE=8256
$(eval $(call flavour,san-small,$$(CC) $$(CFLAGS) $$(SANITIZE) $$(HOSTD_FUZZ_DEFS),$$(CC) $$(SANITIZE)))
$(eval $(call flavour,fuzz-small,$$(FUZZ_CC) $$(FUZZ_FLAGS) $$(HOSTD_FUZZ_DEFS),$$(FUZZ_CC) $$(FUZZ_SANITIZE)))

$(call cppflags,hostd/,$(HOSTD_INC))
# The unit tests also check the fuzz targets' JSON oracle (test_json.c).
$(call cppflags,tests/unit/hostd/,$(HOSTD_INC) $(addprefix -I,$(call dirs_under,tests/unit/hostd)) -Itests/unit -Itests/fuzz)
$(foreach t,$(HOSTD_FUZZ_TARGET) $(HOSTD_FUZZ_WIRE) $(HOSTD_FUZZ_NFLOG),$(call cppflags,$(t),$(HOSTD_INC)))

PROGRAMS += $(B)/bin/hostd
UNIT_BINS += $(B)/tests/hostd-unit $(B)/tests/hostd-unit-san $(B)/tests/hostd-fuzz-replay $(B)/tests/hostd-fuzz-wire-replay \
	$(B)/tests/hostd-fuzz-nflog-replay

$(B)/bin/hostd: $(call prog,plain,$(HOSTD_SRC))
	$(call link,plain,$(HOSTD_LIBS))

HOSTD_UNIT_SRC := $(HOSTD_TESTS) tests/unit/run_suites.c $(FUZZ_JSON) $(HOSTD_LIB)
HOSTD_UNIT_LIBS = $(CHECK_LIBS) $(HOSTD_LIBS) $(FUZZ_JSON_LIBS)

$(B)/tests/hostd-unit: $(call prog,plain,$(HOSTD_UNIT_SRC))
	$(call link,plain,$(HOSTD_UNIT_LIBS))

$(B)/tests/hostd-unit-san: $(call prog,san,$(HOSTD_UNIT_SRC))
	$(call link,san,$(HOSTD_UNIT_LIBS))

# The fuzz targets (mk/fuzz.mk): each built twice, a replay of its corpus
# under ASan/UBSan that make check runs (the corpus the target names, from
# the repo root, or the first argument), and the libFuzzer binary of make
# fuzz-NAME.
HOSTD_FUZZ_SRC := $(HOSTD_FUZZ_COMMON) $(HOSTD_LIB)
HOSTD_FUZZ_LIBS = $(HOSTD_LIBS) $(FUZZ_JSON_LIBS)

$(B)/tests/hostd-fuzz-replay: $(call prog,san-small,$(FUZZ_REPLAY) $(HOSTD_FUZZ_TARGET) $(HOSTD_FUZZ_SRC))
	$(call link,san-small,$(HOSTD_FUZZ_LIBS))

$(B)/tests/hostd-fuzz-wire-replay: $(call prog,san-small,$(FUZZ_REPLAY) $(HOSTD_FUZZ_WIRE) $(HOSTD_FUZZ_SRC))
	$(call link,san-small,$(HOSTD_FUZZ_LIBS))

$(B)/tests/hostd-fuzz-nflog-replay: $(call prog,san-small,$(FUZZ_REPLAY) $(HOSTD_FUZZ_NFLOG) $(HOSTD_FUZZ_SRC))
	$(call link,san-small,$(HOSTD_FUZZ_LIBS))

# make fuzz-stream (parser and archive writer, ~1,000 exec/s: it writes
# files), make fuzz-wire (parser, payloads, session table, JSON escaping in
# memory), make fuzz-nflog (NFLOG and IP parsers, connection events).
.PHONY: fuzz-stream fuzz-wire fuzz-nflog
$(B)/tests/hostd-fuzz: $(call prog,fuzz-small,$(HOSTD_FUZZ_TARGET) $(HOSTD_FUZZ_SRC))
	$(call link,fuzz-small,$(HOSTD_FUZZ_LIBS))

$(B)/tests/hostd-fuzz-wire: $(call prog,fuzz-small,$(HOSTD_FUZZ_WIRE) $(HOSTD_FUZZ_SRC))
	$(call link,fuzz-small,$(HOSTD_FUZZ_LIBS))

$(B)/tests/hostd-fuzz-nflog: $(call prog,fuzz-small,$(HOSTD_FUZZ_NFLOG) $(HOSTD_FUZZ_SRC))
	$(call link,fuzz-small,$(HOSTD_FUZZ_LIBS))

fuzz-stream: $(B)/tests/hostd-fuzz
	$(call fuzz_run,$(B)/tests/hostd-fuzz,corpus,tests/fuzz/gen-seeds.py)

fuzz-wire: $(B)/tests/hostd-fuzz-wire
	$(call fuzz_run,$(B)/tests/hostd-fuzz-wire,corpus-wire,tests/fuzz/gen-seeds.py)

fuzz-nflog: $(B)/tests/hostd-fuzz-nflog
	$(call fuzz_run,$(B)/tests/hostd-fuzz-nflog,corpus-nflog,tests/fuzz/gen-seeds-more.py nflog)

fuzz: fuzz-wire fuzz-stream fuzz-nflog
