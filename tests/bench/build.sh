#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Figure 1b: a clean build of the kernel (patches, config, make -j$(nproc))
# into empty directories, and of the root_fs (package cache warm), each
# timed once. Does not use the lab.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$TOP"

w=$WORK/build
rm -rf "$w"
mkdir -p "$w"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

say "clean kernel build"
t=$(now)
tools/kernel-prepare /usr/src/linux-source-6.1.tar.xz "$w/ksrc" patches >/dev/null
tools/kernel-config "$w/ksrc" "$w/kobj" kconfig/*.config >/dev/null
make -s -C "$w/ksrc" O="$w/kobj" ARCH=um -j"$(nproc)" linux >/dev/null
kbuild=$(elapsed "$t")
rm -rf "$w/ksrc" "$w/kobj"

say "root_fs build (package cache warm)"
t=$(now)
rootfs/build --out "$w/root_fs" >/dev/null
rbuild=$(elapsed "$t")
rm -f "$w/root_fs" "$w/root_fs.manifest"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

verdict() { if [ "$(echo "$1" | bc)" -eq 1 ]; then echo met; else echo "**missed**"; fi; }
cat > "$WORK/md/15-build.md" <<MD
## 1b. Clean builds

Commands (tests/bench/build.sh), each timed once, into empty directories
under build/bench/; load average (1, 5, 15 min) before: $load_before, after: $load_after
(the machine is shared).

| what | command | seconds | target | |
| --- | --- | --- | --- | --- |
| kernel | \`tools/kernel-prepare /usr/src/linux-source-6.1.tar.xz SRC patches && tools/kernel-config SRC OBJ kconfig/*.config && make -C SRC O=OBJ ARCH=um -j$(nproc) linux\` | $(fmt "$kbuild" 1) | under 360 | $(verdict "$kbuild < 360") |
| root_fs | \`rootfs/build --out FILE\` (debootstrap with the package cache warm, image, manifest) | $(fmt "$rbuild" 1) | under 120 | $(verdict "$rbuild < 120") |
MD
