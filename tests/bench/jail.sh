#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Figure 7: what the jail costs. The same kernel and root_fs, lab up with
# the jail (the default) and with --jail off (the kernel only changes to
# the jail's uid: no namespaces, pivot_root, seccomp filter or cgroup),
# alternately, ROUNDS times each: the wall time of lab up to sshd, and in
# the guest one system call (dd of 1-byte blocks) and one fork+exec
# (/bin/true from sh), timed by the guest's clock, and ssh true (lib.sh
# lab_ab). Both on one CPU (hostd --cpu's default). Uses the lab: run
# from tests/bench/run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_lab_lock

ROUNDS=${ROUNDS:-10}	# even: each side goes first in half the rounds
REPS=${REPS:-3}		# lib.sh reps: each guest figure a round is the median of REPS
CALLS=${CALLS:-100000}	# dd blocks: each a read and a write
EXECS=${EXECS:-200}
w=$WORK/jail
rm -rf "$w"
mkdir -p "$w"

say "jail cost, $ROUNDS rounds, on and off alternately"
trap 'lab_down 2>/dev/null || true' EXIT
lab_ab "$w" "$ROUNDS" "--jail on" "--jail off"
trap - EXIT

verdicts=
{
cat <<MD
## 7. The jail's cost

Command (tests/bench/jail.sh): \`build/bin/honeynet lab up\` (the kernel
jailed by hostd: user, mount, pid, ipc and uts namespaces, pivot_root,
the seccomp allow-list, its cgroup) and \`build/bin/honeynet lab up --jail off\`
(hostd --jail off: the same kernel as the same uid, none of the rest),
$ROUNDS times each, the jailed one first in odd rounds and the other first
in even ones. Each guest is measured once its boot has settled (\`systemctl
is-system-running --wait\`). Timed: lab up until sshd answers (s); in
the guest, over ssh, as root, one system call (µs)

    s=\$(date +%s%N); dd if=/dev/zero of=/dev/null bs=1 count=$CALLS; e=\$(date +%s%N)   # / $((2 * CALLS)) calls

and one fork+exec (ms)

    s=\$(date +%s%N); for i in \$(seq $EXECS); do /bin/true; done; e=\$(date +%s%N)   # / $EXECS

and \`ssh root@203.0.113.10 true\` from hn-inet after a first login (s). The
system call and fork+exec lines run $REPS times in each boot and the round
keeps their median (one run alone varies by about 10 % here). Both
sides run the guest on one host CPU (hostd's --cpu default). The ratio is the medians', jailed over not; its interval is
where 90 % of the ratios fall when each side's rounds are resampled
(2000 times, with replacement): how far this machine's noise alone moves
it. Target: within 3 % (at most 1.03).

| what | jailed, each round | --jail off, each round | jailed (median) | off (median) | ratio | 90 % interval |
| --- | --- | --- | --- | --- | --- | --- |
MD
ab_row "$w" "lab up to sshd (s)" up "r <= 1.03"
ab_row "$w" "guest system call (µs)" sys "r <= 1.03"
ab_row "$w" "guest fork+exec (ms)" exec "r <= 1.03"
ab_row "$w" "ssh true after the first login (s)" ssh "r <= 1.03"
echo
echo "$verdicts"
} > "$WORK/md/70-jail.md"
say "jail cost: $(cat "$WORK/md/70-jail.md" | grep '^|' | tail -4 | tr '\n' ' ')"
