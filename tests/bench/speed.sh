#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Figure 9: the speed the attacker feels. In the guest, over ssh, as root:
# one system call, one fork+exec, one page fault, a small build-like job;
# from hn-inet: ssh true (the first login and later ones) and keystroke to
# echo at the terminal. For our kernel on one CPU (hostd's default), our
# kernel unpinned (--cpu any, as before that default), Debian's stock
# linux.uml (pinned, through boot.sh's wrapper and so --jail off), and this
# host natively; our kernel as it was before issue 11 (the series up to
# BEFORE_LAST, built here, unpinned as it ran then); plus the floor of
# UML's design, one PTRACE_SYSEMU round trip between two processes
# (tests/bench/ptrace_floor.c). Then where the time goes: the host work
# perf counts per guest event, and the phases of an ssh login
# (tests/bench/sshphases.py). Uses the lab: run from tests/bench/run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_lab_lock

REPS=${REPS:-3}		# each guest figure: the median of REPS
CALLS=${CALLS:-100000}	# dd blocks: each a read and a write
EXECS=${EXECS:-200}
KEYS=${KEYS:-60}
BEFORE_LAST=0005	# the last patch before issue 11's (0006 on)
w=$WORK/speed
rm -rf "$w"
mkdir -p "$w"
cpus=$(nproc)
last=$((cpus - 1))

build_floor "$w"
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
# A process's own first touch of fresh memory: perl grows a string to
# 64 MiB and zeroes it, each page once (16384 more minor faults natively).
TOUCH="perl -e 'vec(my \$x, (64 << 20) - 1, 8) = 1'"
TOUCH0="perl -e 'vec(my \$x, 4095, 8) = 1'"
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
		ns=$($run "$(timed "$TOUCH")")
		ns0=$($run "$(timed "$TOUCH0")")
		echo "scale=3; ($ns - $ns0) / 16384 / 1000" | bc >> "$w/$name-touch"
		ns=$($run "$(timed "$BUILD")")
		echo "scale=3; $ns / 1000000000" | bc >> "$w/$name-build"
	done
}

native() { bash -c "$1"; }

# crypt_ms NAME RUN: ms to check the guest root's password hash ($w/hash,
# yescrypt as Debian 12 makes it), less perl's own start, by RUN.
crypt_ms() {
	local name=$1 run=$2 ns ns0 check
	# The hash comes from the guest and goes into a shell line that also
	# runs on this host: only crypt(3)'s own alphabet may pass.
	grep -qxE '[$][$./0-9A-Za-z]+' "$w/hash" || die "root's hash in the guest is not a crypt(3) hash: $w/hash"
	check="H='$(cat "$w/hash")' perl -e 'crypt(q{${ROOT_PASSWORD:-root}}, \$ENV{H}) eq \$ENV{H} or exit 1' || exit 1"
	ns=$($run "$(timed "$check")") || die "crypt in perl failed ($name)"
	ns0=$($run "$(timed "perl -e 1")") || die "perl failed ($name)"
	echo "scale=1; ($ns - $ns0) / 1000000" | bc > "$w/$name-crypt"
}

# before_kernel: our kernel with the series up to BEFORE_LAST, from the
# same tarball, shared files and kconfig, built in build/kernel-before
# (kept between runs: kernel-prepare and kbuild redo only what changed);
# prints its path. The patch directory's parent must hold the shared files.
before_kernel() {
	local d=$TOP/build/kernel-before p
	rm -rf "$d/patches"
	mkdir -p "$d/patches"
	ln -sfn "$TOP/common" "$d/common"
	cp "$TOP/patches/shared" "$d/patches/"
	for p in $(sed -e 's/#.*//' "$TOP/patches/series"); do
		cp "$TOP/patches/$p" "$d/patches/"
		echo "$p" >> "$d/patches/series"
		case $p in "$BEFORE_LAST"-*) break ;; esac
	done
	grep -q "^$BEFORE_LAST-" "$d/patches/series" || die "no patch $BEFORE_LAST-* in patches/series"
	"$TOP/tools/kernel-prepare" /usr/src/linux-source-6.1.tar.xz "$d/src" "$d/patches" >&2 ||
		die "kernel-prepare of the series up to $BEFORE_LAST failed"
	"$TOP/tools/kernel-config" "$d/src" "$d/obj" "$TOP"/kconfig/*.config >&2 ||
		die "kernel-config for the kernel before issue 11 failed"
	make -s -C "$d/src" O="$d/obj" ARCH=um -j"$(nproc)" linux >&2 ||
		die "the kernel before issue 11 did not build"
	echo "$d/obj/linux"
}

# hostwork NAME: what the host does per guest event, counted by perf on
# every CPU while the guest runs each workload over ssh, less the same
# login running nothing: host system calls, ptrace calls, wait4 calls and
# context switches. One line a workload in $w/NAME-work.
EVENTS=raw_syscalls:sys_enter,syscalls:sys_enter_ptrace,syscalls:sys_enter_wait4,context-switches
counts() {
	local out=$w/perf.out pid
	# perf cannot run a shell function: with no command it counts until
	# SIGINT, then prints.
	perf stat -a -x, -e "$EVENTS" -o "$out" & pid=$!
	sleep 0.5
	"$@" < /dev/null > /dev/null || die "counting host work: $* failed"
	kill -INT "$pid"
	wait "$pid" || true
	grep -v '^#' "$out" | grep . | cut -d, -f1 | tr '\n' ' '
}
hostwork() {
	local name=$1 base what n cmd
	base=$(counts attacker true)
	while IFS='|' read -r what n cmd; do
		echo "$what|$(counts attacker "$cmd") $base|$n"
	done > "$w/$name-work" <<-WORK
	system call|$((2 * CALLS))|$SYS
	fork+exec|$EXECS|$EXEC
	first touch of a page by a process|16384|$TOUCH
	first touch of a page by the kernel (read into a fresh buffer)|16384|$FAULT
	WORK
}
# work_cell NAME WHAT: "syscalls / ptrace / wait4 / switches" per event.
work_cell() {
	awk -F'|' -v what="$2" '$1 == what {
		split($2, c, " "); n = $3
		printf "%.1f / %.1f / %.1f / %.1f", (c[1] - c[5]) / n, (c[2] - c[6]) / n,
			(c[3] - c[7]) / n, (c[4] - c[8]) / n }' "$w/$1-work"
}

# guest NAME LAB-UP-ARGS...: one lab up, its first ssh login, the guest
# figures, later logins, the keystroke echo, and for ours and before, the
# host work per event and the login's phases.
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
	if [ "$name" = ours ] || [ "$name" = before ]; then
		hostwork "$name"
		ip netns exec hn-inet python3 "$TOP/tests/bench/sshphases.py" "$LAB_PUBLIC" \
			"${ROOT_PASSWORD:-root}" "$REPS" > "$w/$name-phases" || die "sshphases.py failed ($name)"
		# yescrypt of root's password, as pam_unix checks it, less perl's start.
		attacker "awk -F: '\$1 == \"root\" { print \$2 }' /etc/shadow" > "$w/hash" ||
			die "cannot read root's hash in the guest ($name)"
		crypt_ms "$name" attacker
	fi
	lab_down
}

say "speed: building our kernel as it was before issue 11 (the series up to $BEFORE_LAST)"
before=$(before_kernel)
trap 'lab_down 2>/dev/null || true' EXIT
say "speed: ours on one CPU"
guest ours
say "speed: ours before issue 11, --cpu any"
guest before --cpu any --kernel "$before"
say "speed: ours, --cpu any"
guest any --cpu any
say "speed: Debian's stock linux.uml"
guest stock --jail off --kernel "$(stock_linux "$w")"
trap - EXIT
say "speed: this host"
measure host native
crypt_ms host native

med() { [ -s "$w/$1" ] && median < "$w/$1" || echo ""; }
cell() { local v; v=$(med "$1"); [ -n "$v" ] && fmt "$v" "$2" || echo "—"; }
echo_cell() { [ -s "$w/$1-echo" ] && awk '{ printf "%.1f / %.1f", $1 * 1000, $2 * 1000 }' "$w/$1-echo"; }
row() {
	local what=$1 key=$2 digits=$3 n
	printf '| %s |' "$what"
	for n in before ours any stock host; do printf ' %s |' "$(cell "$n-$key" "$digits")"; done
	echo
}
verdict() { [ "$(echo "$1" | bc)" -eq 1 ] && echo met || echo "**missed**"; }
# switches NAME WHAT, trips NAME WHAT, trip_ms NAME WHAT: context switches
# per event from hostwork, the round trips they make (two a trip), and
# those trips at the one-CPU floor (ms).
switches() { work_cell "$1" "$2" | awk -F' / ' '{ printf "%.0f", $4 }'; }
trips() { echo "$(switches "$1" "$2") / 2" | bc; }
trip_ms() { echo "scale=2; $(trips "$1" "$2") * $floor_one / 1000" | bc | sed 's/^\./0./'; }
# phase N WHAT: a row of sshphases.py's Nth figure for before and ours.
phase() {
	echo "| $2 | $(cut -d' ' -f"$1" "$w/before-phases") | $(cut -d' ' -f"$1" "$w/ours-phases") |"
}
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
    s=\$(date +%s%N); $TOUCH; e=\$(date +%s%N)   # less 4096, / 16384 pages
    s=\$(date +%s%N); $BUILD; e=\$(date +%s%N)

and from hn-inet: \`ssh root@203.0.113.10 true\` right after lab up (the
first login) and $REPS times after; keystroke to echo: $KEYS letters typed
into \`cat\` on an ssh pty at a human pace (tests/bench/echolat.py),
median / 99th percentile. Columns: our kernel with hostd's default (the
guest on CPU $last, hostd on the others), our kernel with \`--cpu any\`
(unpinned, as before that default), Debian's stock linux.uml (boot.sh's
wrapper, pinned like ours, --jail off: the wrapper is a script), this host.
The first column is our kernel as it was before issue 11: the series up to
patch $BEFORE_LAST (without 0006 on), built by this script, unpinned as it
then ran.

| what | ours before issue 11 | ours, one CPU | ours, --cpu any | stock linux.uml | this host |
| --- | --- | --- | --- | --- | --- |
MD
row "one system call (µs)" sys 2
row "one fork+exec (ms)" exec 2
row "one page fault, first touched by the kernel (µs)" fault 2
row "one page fault, first touched by the process (µs)" touch 2
row "build-like job: untar + tar \| gzip of perl-base, 5 MiB (s)" build 2
row "ssh true, first login (s)" ssh1 2
row "ssh true, later (s)" ssh 2
echo "| keystroke to echo, median / p99 (ms) | $(echo_cell before) | $(echo_cell ours) | $(echo_cell any) | $(echo_cell stock) | — |"
cat <<MD

The floor (tests/bench/ptrace_floor.c: PTRACE_GETREGS, PTRACE_SETREGS,
PTRACE_SYSEMU and waitpid between two processes, the median of 5 runs of
20000): $(fmt "$floor_one" 2) µs on one CPU${floor_cross:+, $(fmt "$floor_cross" 2) µs across two}.

Targets (issue 11): a guest system call at most 1.25x the one-CPU floor:
$(fmt "$sys_ours" 2) / $(fmt "$floor_one" 2) = $sys_r, $(verdict "$sys_r <= 1.25"); \`ssh true\` after the
first login at most 0.5 s: $(fmt "$ssh_ours" 2) s, $(verdict "$ssh_ours <= 0.5"); fork+exec at most 4x
native: $exec_r, $(verdict "$exec_r <= 4").

### Where the time goes

Host work per guest event, for our kernel before issue 11 and now: perf
stat -a of \`$EVENTS\` while the guest runs the line above over ssh, less
the same login running \`true\`, over the number of events. Each cell:
host system calls / ptrace calls / wait4 calls / context switches.

| guest event | ours before issue 11 | ours, one CPU |
| --- | --- | --- |
MD
for what in "system call" "fork+exec" "first touch of a page by a process" \
	"first touch of a page by the kernel (read into a fresh buffer)"; do
	echo "| $what | $(work_cell before "$what") | $(work_cell ours "$what") |"
done
cat <<MD

Every guest event is a number of host round trips, and the floor prices
one at $(fmt "$floor_one" 2) µs on one CPU. fork+exec now takes $(switches ours fork+exec) context
switches, $(trips ours fork+exec) round trips: at the floor that alone is $(trip_ms ours fork+exec) ms, against
the target's 4x native of $(echo "scale=2; 4 * $(med host-exec)" | bc | sed 's/^\./0./') ms. Each guest fork makes a host
process for the child's address space and each exec another, each exit
kills one, and each page the new program touches is a fault that costs
a round trip or more; that is UML's ptrace design, which patches 0006 to
0008 make cheaper per event but cannot make fewer in kind.

An ssh login, from the client (tests/bench/sshphases.py: \`ssh -v
root@203.0.113.10 true\` from hn-inet, each line stamped as it arrives,
the median of $REPS), in seconds:

| phase | ours before issue 11 | ours, one CPU |
| --- | --- | --- |
MD
phase 1 "connect and the server's banner"
phase 2 "key exchange"
phase 3 "password authentication"
phase 4 "the session: PAM, logind, the shell running true, its exit"
phase 5 "the whole login"
cat <<MD

Password authentication is the largest part. pam_unix checks root's
yescrypt hash (Debian 12's default cost: a 16 MiB working set, so 4096
pages first touched by the process): $(cat "$w/before-crypt") ms before
issue 11, $(cat "$w/ours-crypt") ms now, $(cat "$w/host-crypt") ms on this host. Making the login
faster than that would mean changing what the server does (a cheaper
hash, fewer PAM modules, no logind session), which issue 11 rules out:
an attacker who reads /etc/shadow or /etc/pam.d must find Debian's.
MD
} > "$WORK/md/90-speed.md"
say "speed: $(grep -c '^|' "$WORK/md/90-speed.md") rows written"
