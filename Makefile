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

.PHONY: all deps kernel rootfs programs run check unit integration bench clean
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

# Each C part adds its programs to PROGRAMS and its unit test binaries
# (plain and sanitized) to UNIT_BINS, in its own mk/*.mk.
PROGRAMS :=
UNIT_BINS :=
CHECK_LIBS = $(shell pkg-config --libs check)
include $(sort $(wildcard mk/*.mk))

run: all
	$(B)/bin/honeynet lab run

programs: $(PROGRAMS)

check: all $(UNIT_BINS)
	UNIT_BINS="$(UNIT_BINS)" tests/run

unit: $(UNIT_BINS)
	UNIT_BINS="$(UNIT_BINS)" tests/run unit

integration: all
	tests/run integration

bench: all
	tests/bench/run

clean:
	rm -rf $(B)/bin $(B)/tests
