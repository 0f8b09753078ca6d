#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Figure 9: the speed the attacker feels. In the guest, over ssh, as root:
# one system call, one fork+exec, one page fault, a small build-like job;
# from hn-inet: ssh true (the first login and later ones) and keystroke to
# echo at the terminal. For our kernel on one CPU (hostd's default), our
# kernel unpinned (--cpu any, as before that default), Debian's stock
# linux.uml (pinned, through boot.sh's wrapper and so --jail off), and this
# host natively; plus the floor of UML's design, one PTRACE_SYSEMU round
# trip between two processes (tests/bench/ptrace_floor.c). Uses the lab:
# run from tests/bench/run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_lab_lock

REPS=${REPS:-3}		# each guest figure: the median of REPS
CALLS=${CALLS:-100000}	# dd blocks: each a read and a write
EXECS=${EXECS:-200}
KEYS=${KEYS:-60}
w=$WORK/speed
rm -rf "$w"
mkdir -p "$w"
cpus=$(nproc)
last=$((cpus - 1))

gcc -O2 -Wall -Wextra -Werror -o "$w/ptrace_floor" "$TOP/tests/bench/ptrace_floor.c" ||
	die "cannot build tests/bench/ptrace_floor.c"
floor() { for i in $(seq 5); do "$w/ptrace_floor" 20000 "$1" "$2"; done | median; }
say "ptrace floor"
floor_one=$(floor "$last" "$last")
floor_cross=$([ "$cpus" -gt 1 ] && floor 0 "$last" || echo "")

# The workloads, each a shell line run in the guest (over ssh) or here
# (natively) that prints its nanoseconds. The page fault: dd's 64 MiB
# buffer, each page touched once by the read, less dd with one page.
SYS="dd if=/dev/zero of=/dev/null bs=1 count=$CALLS 2>/dev/null"
EXEC="for i in \$(seq $EXECS); do /bin/true; done"
FAULT="dd if=/dev/zero of=/dev/null bs=64M count=1 2>/dev/null"
FAULT0="dd if=/dev/zero of=/dev/null bs=4K count=1 2>/dev/null"
BUILD="rm -rf /tmp/hn-b; mkdir /tmp/hn-b; tar -C /usr/lib/x86_64-linux-gnu -cf - perl-base |
	tar -C /tmp/hn-b -xf -; tar -C /tmp/hn-b -cf - . | gzip -6 >/tmp/hn-b.tgz; rm -rf /tmp/hn-b /tmp/hn-b.tgz"
timed() { echo "s=\$(date +%s%N); $1; e=\$(date +%s%N); echo \$((e - s))"; }

# measure NAME RUN: RUN CMD runs CMD (a shell line) where NAME's figures come from.
measure() {
	local name=$1 run=$2 i ns ns0
	for i in $(seq "$REPS"); do
		ns=$($run "$(timed "$SYS")")
		echo "scale=3; $ns / (2 * $CALLS) / 1000" | bc >> "$w/$name-sys"
		ns=$($run "$(timed "$EXEC")")
		echo "scale=3; $ns / $EXECS / 1000000" | bc >> "$w/$name-exec"
		ns=$($run "$(timed "$FAULT")")
		ns0=$($run "$(timed "$FAULT0")")
		echo "scale=3; ($ns - $ns0) / 16384 / 1000" | bc >> "$w/$name-fault"
		ns=$($run "$(timed "$BUILD")")
		echo "scale=3; $ns / 1000000000" | bc >> "$w/$name-build"
	done
}

native() { bash -c "$1"; }

# guest NAME LAB-UP-ARGS...: one lab up, its first ssh login, the guest
# figures, later logins, and the keystroke echo.
guest() {
	local name=$1 s i
	shift
	lab_up --archive "$w/archive" "$@" || die "lab up $* failed; see $w/archive"
	s=$(now)
	attacker true || die "ssh true failed ($name)"
	elapsed "$s" > "$w/$name-ssh1"
	measure "$name" attacker
	for i in $(seq "$REPS"); do
		s=$(now)
		attacker true || die "ssh true failed ($name)"
		elapsed "$s" >> "$w/$name-ssh"
	done
	python3 "$TOP/tests/bench/echolat.py" "$KEYS" > "$w/$name-echo" ||
		die "echolat.py failed ($name)"
	lab_down
}

trap 'lab_down 2>/dev/null || true' EXIT
say "speed: ours on one CPU"
guest ours
say "speed: ours, --cpu any"
guest any --cpu any
say "speed: Debian's stock linux.uml"
guest stock --jail off --kernel "$(stock_linux "$w")"
trap - EXIT
say "speed: this host"
measure host native

med() { [ -s "$w/$1" ] && median < "$w/$1" || echo ""; }
cell() { local v; v=$(med "$1"); [ -n "$v" ] && fmt "$v" "$2" || echo "—"; }
echo_cell() { [ -s "$w/$1-echo" ] && awk '{ printf "%.1f / %.1f", $1 * 1000, $2 * 1000 }' "$w/$1-echo"; }
row() {
	local what=$1 key=$2 digits=$3 n
	printf '| %s |' "$what"
	for n in ours any stock host; do printf ' %s |' "$(cell "$n-$key" "$digits")"; done
	echo
}
verdict() { [ "$(echo "$1" | bc)" -eq 1 ] && echo met || echo "**missed**"; }
sys_ours=$(med ours-sys)
ssh_ours=$(med ours-ssh)
exec_r=$(ratio "$(med ours-exec)" "$(med host-exec)")
sys_r=$(ratio "$sys_ours" "$floor_one")

{
cat <<MD
## 9. The speed the attacker feels

Command (tests/bench/speed.sh). One lab up per kernel, then in the guest
over ssh as root (and the same lines on this host, natively), each the
median of $REPS, timed by the clock of the machine that runs them:

    s=\$(date +%s%N); $SYS; e=\$(date +%s%N)   # / $((2 * CALLS)) calls
    s=\$(date +%s%N); $EXEC; e=\$(date +%s%N)   # / $EXECS
    s=\$(date +%s%N); $FAULT; e=\$(date +%s%N)   # less bs=4K count=1, / 16384 pages
    s=\$(date +%s%N); $BUILD; e=\$(date +%s%N)

and from hn-inet: \`ssh root@203.0.113.10 true\` right after lab up (the
first login) and $REPS times after; keystroke to echo: $KEYS letters typed
into \`cat\` on an ssh pty at a human pace (tests/bench/echolat.py),
median / 99th percentile. Columns: our kernel with hostd's default (the
guest on CPU $last, hostd on the others), our kernel with \`--cpu any\`
(unpinned, as before that default), Debian's stock linux.uml (boot.sh's
wrapper, pinned like ours, --jail off: the wrapper is a script), this host.

| what | ours, one CPU | ours, --cpu any | stock linux.uml | this host |
| --- | --- | --- | --- | --- |
MD
row "one system call (µs)" sys 2
row "one fork+exec (ms)" exec 2
row "one page fault (µs)" fault 2
row "build-like job: untar + tar \| gzip of perl-base, 5 MiB (s)" build 2
row "ssh true, first login (s)" ssh1 2
row "ssh true, later (s)" ssh 2
echo "| keystroke to echo, median / p99 (ms) | $(echo_cell ours) | $(echo_cell any) | $(echo_cell stock) | — |"
cat <<MD

The floor (tests/bench/ptrace_floor.c: PTRACE_GETREGS, PTRACE_SETREGS,
PTRACE_SYSEMU and waitpid between two processes, the median of 5 runs of
20000): $(fmt "$floor_one" 2) µs on one CPU${floor_cross:+, $(fmt "$floor_cross" 2) µs across two}.

Targets (issue 11): a guest system call at most 1.25x the one-CPU floor:
$(fmt "$sys_ours" 2) / $(fmt "$floor_one" 2) = $sys_r, $(verdict "$sys_r <= 1.25"); \`ssh true\` after the
first login at most 0.5 s: $(fmt "$ssh_ours" 2) s, $(verdict "$ssh_ours <= 0.5"); fork+exec at most 4x
native: $exec_r, $(verdict "$exec_r <= 4").
MD
} > "$WORK/md/90-speed.md"
say "speed: $(grep -c '^|' "$WORK/md/90-speed.md") rows written"
