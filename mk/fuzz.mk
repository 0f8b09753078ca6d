# SPDX-License-Identifier: GPL-2.0
# What every libFuzzer target shares: the compiler and flags, the corpus
# replay under ASan/UBSan that make check runs, and `make fuzz`'s run,
# merge and corpus swap. Each part's own mk file adds its targets (to
# fuzz:) and their replay binaries (to UNIT_BINS); tests/fuzz/README says
# what each target checks and what it has run.
FUZZ_CC := clang
FUZZ_RUNS ?= 10000000
FUZZ_SECS ?= 0
FUZZ_MAX_LEN ?= 9000
FUZZ_SANITIZE := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_FLAGS := -std=c11 -O1 -g -D_GNU_SOURCE $(WARN) $(FUZZ_SANITIZE)
$(eval $(call flavour,fuzz,$$(FUZZ_CC) $$(FUZZ_FLAGS),$$(FUZZ_CC) $$(FUZZ_SANITIZE)))
# Replays a target's corpus (the one it names in fuzz_corpus, from the repo
# root, or the first argument) in a plain main(), one Check-style summary
# line.
FUZZ_REPLAY := tests/fuzz/replay_main.c
# The JSON oracle's parser (jansson): only the fuzz targets link it.
FUZZ_JSON := tests/fuzz/jsoncheck.c
FUZZ_JSON_LIBS = $(shell pkg-config --libs jansson)

.PHONY: fuzz

# $(call fuzz_run,BINARY,CORPUS[,SEEDER]): runs BINARY for FUZZ_RUNS
# executions (FUZZ_RUNS=-1: no limit, FUZZ_SECS then bounds it), new inputs
# in $(B)/fuzz/CORPUS/new; merges its committed corpus and the new inputs to
# a set covering the same edges (counters off, so it stays small), adds
# SEEDER's seeds if the target has a generator, and replaces
# tests/fuzz/CORPUS.
define fuzz_run
	@mkdir -p $(B)/fuzz/$(2)/new $(B)/fuzz/artifacts
	$(1) -runs=$(FUZZ_RUNS) -max_total_time=$(FUZZ_SECS) \
		-max_len=$(FUZZ_MAX_LEN) -print_final_stats=1 \
		-artifact_prefix=$(B)/fuzz/artifacts/ $(B)/fuzz/$(2)/new tests/fuzz/$(2)
	rm -rf $(B)/fuzz/$(2)/merged && mkdir -p $(B)/fuzz/$(2)/merged
	$(1) -merge=1 -use_counters=0 -max_len=$(FUZZ_MAX_LEN) $(B)/fuzz/$(2)/merged tests/fuzz/$(2) $(B)/fuzz/$(2)/new
	$(if $(3),python3 $(3) $(B)/fuzz/$(2)/merged)
	rm -rf tests/fuzz/$(2).old && mv tests/fuzz/$(2) tests/fuzz/$(2).old && \
		mv $(B)/fuzz/$(2)/merged tests/fuzz/$(2) && rm -rf tests/fuzz/$(2).old
	@echo "$(2): $$(ls tests/fuzz/$(2) | wc -l) files, $$(du -sk tests/fuzz/$(2) | cut -f1) KiB"
endef
