#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Figure 6: what the /proc masquerade costs a reader. The same kernel and
# root_fs, lab up with the default persona (masquerade on) and with
# --masquerade off, alternately, ROUNDS times each; in the guest, RUNS runs
# of `ps aux` and RUNS reads of every /proc/[0-9]*/stat, timed by the
# guest's clock. Uses the lab: run from tests/bench/run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_lab_lock

RUNS=${RUNS:-200}
ROUNDS=${ROUNDS:-2}
w=$WORK/masq
rm -rf "$w"
mkdir -p "$w"

# timed LOOP_BODY: milliseconds for RUNS runs of LOOP_BODY in the guest.
timed() {
	attacker "s=\$(date +%s%N); for i in \$(seq $RUNS); do $1; done;
		e=\$(date +%s%N); echo \$(( (e - s) / 1000000 ))"
}

say "masquerade cost, $ROUNDS rounds of $RUNS runs, on and off alternately"
trap 'lab_down 2>/dev/null || true' EXIT
for round in $(seq "$ROUNDS"); do
	for mode in on off; do
		lab_up --archive "$w/archive" --masquerade "$mode" ||
			die "lab up --masquerade $mode failed; see $w/archive"
		# Warm the guest's caches the same way for both modes.
		attacker 'ps aux >/dev/null; cat /proc/[0-9]*/stat >/dev/null' 2>/dev/null || true
		echo "$(timed 'ps aux >/dev/null')" >> "$w/ps-$mode"
		echo "$(timed 'cat /proc/[0-9]*/stat >/dev/null 2>&1')" >> "$w/stat-$mode"
		lab_down
	done
done
trap - EXIT

row() {
	local what=$1 on off
	on=$(median < "$w/$2-on")
	off=$(median < "$w/$2-off")
	echo "| $what | $(tr '\n' ' ' < "$w/$2-on") | $(tr '\n' ' ' < "$w/$2-off") | $(fmt "$on" 0) | $(fmt "$off" 0) | **$(ratio "$on" "$off")** |"
}

cat > "$WORK/md/60-masq.md" <<MD
## 6. /proc masquerade cost

Command (tests/bench/masq.sh): \`build/bin/honeynet lab up\` (the default
persona, rootfs/persona/proc) and \`build/bin/honeynet lab up --masquerade off\`
(hppfs=off: the same kernel with nothing masked), alternately, $ROUNDS times
each; in the guest, over ssh, as root:

    s=\$(date +%s%N); for i in \$(seq $RUNS); do ps aux >/dev/null; done; e=\$(date +%s%N)
    s=\$(date +%s%N); for i in \$(seq $RUNS); do cat /proc/[0-9]*/stat >/dev/null 2>&1; done; e=\$(date +%s%N)

after one warm-up of each. Times in ms for all $RUNS runs; the ratio is
the medians', on over off. Target: under 1.10.

| $RUNS runs of | on, each round | off, each round | on (median) | off (median) | ratio on/off |
| --- | --- | --- | --- | --- | --- |
$(row '`ps aux`' ps)
$(row 'reading every /proc/[0-9]*/stat' stat)
MD
cat "$WORK/md/60-masq.md"
