# SPDX-License-Identifier: GPL-2.0
# uml-honeynet: one entry point for build, run, test and bench.
# Outputs go under build/; every generated file is written to a temporary
# name and renamed, so an interrupted make never leaves half a file behind.

B := build
NPROC := $(shell nproc)

CC := gcc
WARN := -Wall -Wextra -Werror -Wmissing-prototypes -Wstrict-prototypes \
	-Wshadow -Wvla -Wformat=2
CFLAGS := -std=c11 -O2 -g -D_GNU_SOURCE $(WARN)
SANITIZE := -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all

# The kernel: Debian's linux-source-6.1, patches/series, kconfig/*.config.
KTARBALL := /usr/src/linux-source-6.1.tar.xz
KTREE := $(B)/kernel/src
KOBJ := $(B)/kernel/obj
PATCHES := $(addprefix patches/,$(shell sed -e 's/\#.*//' patches/series))
KSHARED := $(shell sed -e 's/\#.*//' patches/shared | awk 'NF { print $$1 }')
KFRAGS := $(sort $(wildcard kconfig/*.config))

# The guest's root_fs.
ROOTFS_INPUTS := rootfs/build rootfs/packages $(shell find rootfs/overlay -type f -o -type l 2>/dev/null)

DEPS_STAMP := $(B)/.deps

.PHONY: all deps kernel rootfs programs unit-bins run check unit integration bench clean
all: $(B)/linux $(B)/root_fs programs

deps: $(DEPS_STAMP)
$(DEPS_STAMP): tools/debian-packages tools/install-deps
	tools/install-deps tools/debian-packages
	@mkdir -p $(B) && touch $@

# Kernel work happens only when a patch, the series or a fragment changed;
# kbuild then rebuilds just the files those touched.
kernel: $(B)/linux
$(B)/kernel/tree.stamp: patches/series $(PATCHES) patches/shared $(KSHARED) tools/kernel-prepare | $(DEPS_STAMP)
	tools/kernel-prepare $(KTARBALL) $(KTREE) patches
	@touch $@

$(KOBJ)/.config: $(B)/kernel/tree.stamp $(KFRAGS) tools/kernel-config
	tools/kernel-config $(KTREE) $(KOBJ) $(KFRAGS)
	@touch $@

$(B)/linux: $(KOBJ)/.config $(B)/kernel/tree.stamp
	$(MAKE) -C $(KTREE) O=$(abspath $(KOBJ)) ARCH=um -j$(NPROC) linux
	cp $(KOBJ)/linux $@.tmp && mv $@.tmp $@

# The patch workflow (CONTRIBUTING): the series as a git tree with one
# commit a patch, patches/ written back from it, and each commit built in turn.
KERNEL_GIT := $(B)/kernel-tree
.PHONY: kernel-tree refresh-patches kernel-bisect-build
kernel-tree: | $(DEPS_STAMP)
	tools/kernel-patches tree $(KTARBALL) $(KERNEL_GIT) patches
refresh-patches:
	tools/kernel-patches refresh $(KERNEL_GIT) patches
	CHECKPATCH_TREE=$(abspath $(KERNEL_GIT)) tests/integration/07-checkpatch.sh
kernel-bisect-build: $(KOBJ)/.config
	tools/kernel-patches bisect-build $(KERNEL_GIT) $(KOBJ)/.config $(B)/kernel-bisect

rootfs: $(B)/root_fs
$(B)/root_fs: $(ROOTFS_INPUTS) | $(DEPS_STAMP)
	rootfs/build --out $@

# C: every file is compiled once per flavour, to $(OBJ)/FLAVOUR/its path.o
# with a dependency file beside it; programs and test binaries link from
# objects. A flavour is one set of compiler flags: plain, san (ASan/UBSan),
# and those the mk files add (libFuzzer, the fuzz builds' small limits).
OBJ := $(B)/obj

# $(call c_tree,DIR...): every .c under DIR, sorted; a file moved between
# subfolders needs no mk edit.
c_tree = $(sort $(shell find $(1) -name '*.c'))
# $(call dirs_under,DIR...): DIR and every folder below it.
dirs_under = $(sort $(shell find $(1) -type d))
# $(call objs,FLAVOUR,SOURCES): the objects of SOURCES in FLAVOUR.
objs = $(patsubst %.c,$(OBJ)/$(1)/%.o,$(2))

# What two programs share, one archive per flavour: a program links only
# the members it uses.
COMMON_SRC := $(call c_tree,common)

# $(call cppflags,PATH-PREFIX,FLAGS): the include paths and defines of every
# source whose path starts with PATH-PREFIX (a folder/ or a file's name);
# the longest prefix that matches wins. Of two prefixes of one path the
# longer sorts last, so cppflags_of takes the last of the sorted matches.
CPP_PREFIXES :=
cppflags = $(eval CPP_PREFIXES += $(1))$(eval CPPFLAGS.$(1) := $(2))
cppflags_of = $(CPPFLAGS.$(lastword $(sort $(foreach p,$(CPP_PREFIXES),$(if $(filter $(p)%,$(1)),$(p))))))
$(call cppflags,common/,-Icommon)

# $(call flavour,NAME,COMPILE,LINK): objects under $(OBJ)/NAME compiled by
# COMPILE, binaries linked by LINK, and NAME's common.a. Each writes a
# temporary name and renames it, the dependency file before the object, so
# an interrupted build leaves neither half written.
define flavour
COMPILE.$(1) = $(2)
LINK.$(1) = $(3)
$(OBJ)/$(1)/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $$(@D)
	$$(COMPILE.$(1)) $$(call cppflags_of,$$<) -MMD -MP -MT $$@ -MF $$@.d.tmp -c -o $$@.tmp $$< && \
		mv $$@.d.tmp $$(@:.o=.d) && mv $$@.tmp $$@
$(OBJ)/$(1)/common.a: $(call objs,$(1),$(COMMON_SRC))
	rm -f $$@.tmp && ar rcs $$@.tmp $$^ && mv $$@.tmp $$@
endef
$(eval $(call flavour,plain,$$(CC) $$(CFLAGS),$$(CC)))
$(eval $(call flavour,san,$$(CC) $$(CFLAGS) $$(SANITIZE),$$(CC) $$(SANITIZE)))

# $(call prog,FLAVOUR,SOURCES): a binary's prerequisites, SOURCES' objects
# and the flavour's common.a.
prog = $(call objs,$(1),$(2)) $(OBJ)/$(1)/common.a
# $(call link,FLAVOUR,LIBS): links $@ from its objects, archive and LIBS.
link = mkdir -p $(@D) && $(LINK.$(1)) -o $@.tmp $(filter %.o,$^) $(filter %.a,$^) $(2) && mv $@.tmp $@

# Each C part adds its programs to PROGRAMS and its unit test binaries
# (plain and sanitized) to UNIT_BINS, in its own mk/*.mk.
PROGRAMS :=
UNIT_BINS :=
CHECK_LIBS = $(shell pkg-config --libs check)
include $(sort $(wildcard mk/*.mk))

# What each object was last built from (-MMD -MP): a header's change
# rebuilds exactly the objects that include it.
-include $(shell find $(OBJ) -name '*.d' 2>/dev/null)

run: all
	$(B)/bin/honeynet lab run

programs: $(PROGRAMS)

unit-bins: $(UNIT_BINS)

check: all unit-bins
	UNIT_BINS="$(UNIT_BINS)" tests/run

unit: unit-bins
	UNIT_BINS="$(UNIT_BINS)" tests/run unit

integration: all
	tests/run integration

bench: all
	tests/bench/run

clean:
	rm -rf $(B)/bin $(B)/tests $(OBJ)
