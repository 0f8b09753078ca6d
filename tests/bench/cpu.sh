#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Figure 8: one host CPU per guest. The same kernel, root_fs and jail, lab
# up with hostd's default (the guest kernel and every host process it makes
# on one CPU, hostd on the others) and with --cpu any (not pinned),
# alternately, ROUNDS times each: lab up to sshd, a guest system call, a
# guest fork+exec and ssh true (lib.sh lab_ab). Uses the lab: run from
# tests/bench/run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_lab_lock

ROUNDS=${ROUNDS:-3}
REPS=${REPS:-3}		# lib.sh reps: each guest figure a round is the median of REPS
CALLS=${CALLS:-100000}	# dd blocks: each a read and a write
EXECS=${EXECS:-200}
w=$WORK/cpu
rm -rf "$w"
mkdir -p "$w"

say "one CPU per guest, $ROUNDS rounds, pinned and not alternately"
trap 'lab_down 2>/dev/null || true' EXIT
lab_ab "$w" "$ROUNDS" "" "--cpu any"
trap - EXIT

verdicts=
{
cat <<MD
## 8. One CPU per guest

Command (tests/bench/cpu.sh): \`build/bin/honeynet lab up\` (hostd's
default: the guest kernel and all its host processes on the host's last
CPU, set before the kernel starts; hostd on the others) and
\`build/bin/honeynet lab up --cpu any\` (not pinned), $ROUNDS times each,
each side first in every other round, measured as in section 7: lab up to sshd (s), the
guest's boot to \`ssh-keygen -A\` (s, hostd's clock), one guest system
call (µs, dd of $CALLS 1-byte blocks), one guest fork+exec (ms, $EXECS
/bin/true from sh) and \`ssh root@203.0.113.10 true\` after a first login
(s), each the median of $REPS runs in the round's boot.
The ratios are as in section 7, pinned over not: below 1 the pinned guest
is faster. The default is pinned only while it wins (the round-by-round
ratio below 1) on the system call and fork+exec.

| what | one CPU, each round | --cpu any, each round | one CPU (median) | any (median) | ratio of the medians | one CPU / any, round by round (median) | 90 % interval |
| --- | --- | --- | --- | --- | --- | --- | --- |
MD
ab_row "$w" "lab up to sshd (s)" up ""
ab_row "$w" "the guest's boot to ssh-keygen -A (s)" boot ""
ab_row "$w" "guest system call (µs)" sys "r < 1"
ab_row "$w" "guest fork+exec (ms)" exec "r < 1"
ab_row "$w" "ssh true after the first login (s)" ssh ""
echo
echo "Pinned wins — $verdicts"
} > "$WORK/md/80-cpu.md"
say "one CPU: $(grep '^|' "$WORK/md/80-cpu.md" | tail -5 | tr '\n' ' ')"
