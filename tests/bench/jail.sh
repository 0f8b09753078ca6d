#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Figure 7: what the jail costs. The same kernel and root_fs, lab up with
# the jail (the default) and with --jail off (the kernel only changes to
# the jail's uid: no namespaces, pivot_root, seccomp filter or cgroup),
# alternately, ROUNDS times each: the wall time of lab up to sshd, and in
# the guest one system call (dd of 1-byte blocks) and one fork+exec
# (/bin/true from sh), timed by the guest's clock. Uses the lab: run from
# tests/bench/run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_lab_lock

ROUNDS=${ROUNDS:-3}
CALLS=${CALLS:-100000}	# dd blocks: each a read and a write
EXECS=${EXECS:-200}
w=$WORK/jail
rm -rf "$w"
mkdir -p "$w"

# guest_ns CMD: nanoseconds CMD took in the guest.
guest_ns() {
	attacker "s=\$(date +%s%N); $1; e=\$(date +%s%N); echo \$((e - s))"
}

say "jail cost, $ROUNDS rounds, on and off alternately"
trap 'lab_down 2>/dev/null || true' EXIT
for round in $(seq "$ROUNDS"); do
	for mode in on off; do
		s=$(now)
		lab_up --archive "$w/archive" --jail "$mode" || die "lab up --jail $mode failed; see $w/archive"
		elapsed "$s" >> "$w/up-$mode"
		# Warm the guest the same way for both modes.
		attacker 'dd if=/dev/zero of=/dev/null bs=1 count=1000 2>/dev/null; /bin/true' 2>/dev/null || true
		ns=$(guest_ns "dd if=/dev/zero of=/dev/null bs=1 count=$CALLS 2>/dev/null")
		echo "scale=3; $ns / (2 * $CALLS) / 1000" | bc >> "$w/sys-$mode"
		ns=$(guest_ns "for i in \$(seq $EXECS); do /bin/true; done")
		echo "scale=3; $ns / $EXECS / 1000000" | bc >> "$w/exec-$mode"
		lab_down
	done
done
trap - EXIT

verdicts=
row() {
	local what=$1 on off r
	on=$(median < "$w/$2-on")
	off=$(median < "$w/$2-off")
	r=$(ratio "$on" "$off")
	[ "$(echo "$r <= 1.03" | bc)" -eq 1 ] && v=met || v="**missed**"
	verdicts+="$what: $v. "
	echo "| $what | $(tr '\n' ' ' < "$w/$2-on") | $(tr '\n' ' ' < "$w/$2-off") | $(fmt "$on" 2) | $(fmt "$off" 2) | **$r** |"
}

{
cat <<MD
## 7. The jail's cost

Command (tests/bench/jail.sh): \`build/bin/honeynet lab up\` (the kernel
jailed by hostd: user, mount, pid, ipc and uts namespaces, pivot_root,
the seccomp allow-list, its cgroup) and \`build/bin/honeynet lab up --jail off\`
(hostd --jail off: the same kernel as the same uid, none of the rest),
alternately, $ROUNDS times each. Timed: lab up until sshd answers (s); in
the guest, over ssh, as root, one system call (µs)

    s=\$(date +%s%N); dd if=/dev/zero of=/dev/null bs=1 count=$CALLS; e=\$(date +%s%N)   # / $((2 * CALLS)) calls

and one fork+exec (ms)

    s=\$(date +%s%N); for i in \$(seq $EXECS); do /bin/true; done; e=\$(date +%s%N)   # / $EXECS

The ratio is the medians', jailed over not. Target: within 3 % (at most 1.03).

| what | jailed, each round | --jail off, each round | jailed (median) | off (median) | ratio |
| --- | --- | --- | --- | --- | --- |
MD
row "lab up to sshd (s)" up
row "guest system call (µs)" sys
row "guest fork+exec (ms)" exec
echo
echo "$verdicts"
} > "$WORK/md/70-jail.md"
say "jail cost: $(cat "$WORK/md/70-jail.md" | grep '^|' | tail -3 | tr '\n' ' ')"
