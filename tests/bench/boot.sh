#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Figure 1a: lab up until sshd answers, our build/linux against Debian's
# stock linux.uml on the same build/root_fs, alternating, ROUNDS each; the
# ratio of medians. The stock kernel cannot boot on hosts with large XSAVE
# areas (patch 0001 fixes ours), so it runs with tests/bench/xstate_shim.c
# preloaded. That wrapper is a script, which cannot run in the jail (it
# holds one binary), so both kernels boot with --jail off here: the same
# uid, no namespaces, seccomp or cgroup (section 7 measures the jail's own
# cost). Uses the lab: run from tests/bench/run (it holds the lock).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_lab_lock

ROUNDS=${ROUNDS:-3}
w=$WORK/boot
mkdir -p "$w"
stock_kernel=$(stock_linux "$w")

# One lab up (to sshd answering from hn-inet) with kernel $1;
# prints seconds. A failed try (the lab is shared) is retried, and only the
# try that succeeded is timed.
lab_up_time() {
	local t i
	for i in 1 2 3; do
		lab_down 2>/dev/null || true
		t=$(now)
		if "$HONEYNET" lab up --jail off --kernel "$1" --archive "$w/archive" >/dev/null 9>&-; then
			elapsed "$t"
			lab_down || true
			return 0
		fi
		say "lab up with $1 failed (try $i of 3); see $w/archive"
		echo "boot.sh: lab up --kernel $1" >> "$WORK/lab-retries"
	done
	die "lab up with $1 failed 3 times; see $w/archive"
}

trap 'lab_down 2>/dev/null || true' EXIT
say "lab up, ours vs stock, $ROUNDS rounds each"
: > "$w/ours"; : > "$w/stock"
for ((i = 0; i < ROUNDS; i++)); do
	lab_up_time "$TOP/build/linux" >> "$w/ours"
	lab_up_time "$stock_kernel" >> "$w/stock"
done
ours=$(median < "$w/ours")
stock=$(median < "$w/stock")
r=$(ratio "$ours" "$stock")
verdict() { if [ "$(echo "$1" | bc)" -eq 1 ]; then echo met; else echo "**missed**"; fi; }
runs() { while read -r x; do printf '%s ' "$(fmt "$x")"; done < "$1"; }
stock_version=$("$STOCK" --version 2>/dev/null | head -n 1)

cat > "$WORK/md/10-boot.md" <<MD
## 1a. Boot: lab up until sshd answers, ours vs Debian's stock UML

Command (tests/bench/boot.sh), alternating, $ROUNDS rounds each, same build/root_fs:

    build/bin/honeynet lab up --jail off --kernel build/linux --archive DIR; build/bin/honeynet lab down
    build/bin/honeynet lab up --jail off --kernel build/bench/boot/stock-linux --archive DIR; build/bin/honeynet lab down

Seconds from the command to sshd's banner on 203.0.113.10 from hn-inet
(\`lab up\` returns then). Stock is $STOCK ($stock_version), run
through build/bench/boot/stock-linux, a wrapper lib.sh's stock_linux writes, which:

- preloads tests/bench/xstate_shim.c: the stock kernel panics at init on
  this host (its XSAVE area is larger than UML 6.1 expects; our patch 0001
  fixes that), and the shim does from outside what the patch does inside;
- adds to the command line what our kernel's honeypot defaults (patch
  0004) supply by themselves and honeynet therefore no longer passes:
  \`root=/dev/ubda rw con0=null,fd:1 con=null ssl=null\`, and
  \`eth0=tuntap,tap0\` for \`eth0=tuntap,,,\` (the stock kernel would
  otherwise call the uml_net helper and get no network).

| kernel | median lab up (s) | runs (s) |
| --- | --- | --- |
| ours (build/linux) | $(fmt "$ours") | $(runs "$w/ours")|
| stock ($STOCK) | $(fmt "$stock") | $(runs "$w/stock")|
| **ratio ours / stock** | **$r** | |

| target | measured | |
| --- | --- | --- |
| ours no slower than stock (ratio at most 1.00) | $r | $(verdict "$r <= 1.0") |
| lab up under 10 s (ours, median) | $(fmt "$ours") s | $(verdict "$ours < 10") |
MD
