# SPDX-License-Identifier: GPL-2.0
# Shared helpers for the integration tests: checks, the lab, the attacker.
# Sourced, not run. Every check prints "PASS: what" or "FAIL: what".

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HONEYNET=$TOP/build/bin/honeynet
LAB_PUBLIC=203.0.113.10
status=0

pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; status=1; }

# check "what" command...: passes when the command exits 0.
check() {
	local what=$1
	shift
	if "$@"; then pass "$what"; else fail "$what"; fi
}

# must NAME CMD...: check, for a step the rest depends on: a failure ends the test.
must() { check "$@"; [ "$status" -eq 0 ] || exit 1; }

# lacks TEXT HAYSTACK: passes when HAYSTACK does not contain TEXT.
lacks() { ! grep -qF -- "$1" <<<"$2"; }

# A missing prerequisite is a failure that names it, never a skip.
require() {
	local p
	for p in "$@"; do
		case $p in
		root) [ "$(id -u)" -eq 0 ] || { fail "prerequisite: must run as root"; exit 1; } ;;
		/*) [ -e "$p" ] || { fail "prerequisite: $p is missing (run make)"; exit 1; } ;;
		*) command -v "$p" >/dev/null || { fail "prerequisite: command $p not found (run make deps)"; exit 1; } ;;
		esac
	done
}

# One lab at a time on a machine: hold this lock while using it (the
# benchmarks take it too).
lab_lock() {
	# tests/run took it before starting this script's clock (fd 9 is its).
	[ -n "${HONEYNET_LAB_LOCKED:-}" ] && return 0
	exec 9>/run/honeynet-lab.lock
	flock 9
}

# lab_scratch: a fresh directory in $work for the test's lab, the lab taken
# down now, and down again with the directory removed when the test exits.
lab_scratch() {
	work=$(mktemp -d /tmp/hn-it-XXXXXX) || { fail "mktemp in /tmp"; exit 1; }
	trap '"$HONEYNET" lab down >/dev/null 2>&1; rm -rf "$work"' EXIT
	"$HONEYNET" lab down >/dev/null 2>&1
}

# attacker CMD...: runs CMD in the guest over ssh from hn-inet, as root.
# A guest that stops answering ends it after a minute (ServerAlive), so a
# stalled guest fails the check instead of stalling the suite.
attacker() {
	ip netns exec hn-inet sshpass -p "${ROOT_PASSWORD:-root}" \
		ssh -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
		-o LogLevel=ERROR -o ConnectTimeout=10 -o ServerAliveInterval=15 \
		-o ServerAliveCountMax=4 "root@$LAB_PUBLIC" "$@"
}

# guest CMD...: CMD's output in the lab guest, stderr included; fails when
# ssh or CMD does.
guest() { attacker "$@" 2>&1; }

# guest_program DIR NAME SRC...: NAME built static in DIR from SRC (the
# guest has no compiler) and copied into the running lab guest as
# /root/.hn-NAME; fails when either step does.
guest_program() {
	local dir=$1 name=$2
	shift 2
	check "$name builds (static)" gcc -static -O2 -pthread -std=c11 -D_GNU_SOURCE \
		-Wall -Wextra -Werror -Wmissing-prototypes -Wstrict-prototypes -Wshadow -Wvla \
		-o "$dir/$name" "$@"
	[ -x "$dir/$name" ] || return 1
	check "$name is copied into the guest" \
		attacker "cat > /root/.hn-$name && chmod 700 /root/.hn-$name" <"$dir/$name"
}

# absent WHAT REGEX CMD...: passes when CMD runs in the guest and its output
# has no match for REGEX (extended, case-insensitive).
absent() {
	local what=$1 re=$2 out
	shift 2
	if ! out=$(guest "$@"); then
		fail "$what (guest command failed: $*)"
	elif grep -qiE -- "$re" <<<"$out"; then
		fail "$what: $(grep -oiE -- "$re" <<<"$out" | sort -u | head -n 5 | tr '\n' ' ')"
	else
		pass "$what"
	fi
}

# present WHAT REGEX CMD...: passes when CMD runs in the guest and its
# output matches REGEX (extended).
present() {
	local what=$1 re=$2 out
	shift 2
	if out=$(guest "$@") && grep -qE -- "$re" <<<"$out"; then
		pass "$what"
	else
		fail "$what: got '$(head -c 200 <<<"$out")'"
	fi
}

# What a test must leave as it found: the root namespace's network.
root_net_snapshot() {
	{ ip -o link show | sed 's/ state [A-Z]*//'; ip route show; ip -6 route show
	  nft list ruleset 2>/dev/null; } | sed -E 's/^[0-9]+: //'
}

# No lab namespace, no process running hostd or the guest kernel: a jailed
# kernel's exe reads /linux, so the jail's uid (hostd --jail-uid, the lab's
# 64200) finds it and every process it made.
lab_gone() {
	! ip netns list | grep -q '^hn-' &&
	! ls -l /proc/[0-9]*/exe 2>/dev/null | grep -qE -- "$TOP/build/(linux|bin/hostd)( |$)" &&
	! pgrep -u 64200 >/dev/null
}

# wait_for SECS CMD...: runs CMD every 0.2 s until it exits 0; fails after SECS.
wait_for() {
	local end=$((SECONDS + $1))
	shift
	until "$@"; do
		[ "$SECONDS" -lt "$end" ] || return 1
		sleep 0.2
	done
}

# lab_run_dir ARCHIVE: the run directory the lab's hostd writes under
# ARCHIVE; fails, saying why on stderr, if there is none.
lab_run_dir() {
	local d
	[ -n "${1:-}" ] || { echo "lab_run_dir: no ARCHIVE given" >&2; return 1; }
	d=$(ls -td "$1"/*/ 2>/dev/null | head -n 1)
	[ -n "$d" ] || { echo "no run directory under $1 (did lab up start hostd?)" >&2; return 1; }
	echo "${d%/}"
}

# lab_hostd_pid: the pid of the lab's hostd, from the lab's state file;
# fails, saying why on stderr, if it names none.
lab_hostd_pid() {
	local p
	p=$(sed -n 's/^pid=//p' /run/honeynet/lab.state 2>/dev/null)
	[ -n "$p" ] || { echo "/run/honeynet/lab.state names no hostd pid (is the lab up?)" >&2; return 1; }
	echo "$p"
}

# fake_kernel PATH: writes a stand-in for the guest kernel that hostd can
# run: PATH [STREAM [STATUS|sleep]] prints its arguments, fails (exit 9)
# unless hostd appended tty_log_fd=3, copies STREAM to fd 3, says "reboot:
# Power down" on stderr, then exits STATUS (default 0) or sleeps 300 s;
# with no STREAM it only sleeps 300 s (a guest that runs until killed).
fake_kernel() {
	cat >"$1" <<'SH'
#!/bin/sh
echo "fake kernel: $*"
case " $* " in *" tty_log_fd=3 "*) ;; *) echo "no tty_log_fd=3" >&2; exit 9 ;; esac
[ "$1" = tty_log_fd=3 ] && exec sleep 300
cat "$1" >&3 || exit 8
echo "console: reboot: Power down" >&2
[ "$2" = sleep ] && exec sleep 300
exit "${2:-0}"
SH
	chmod +x "$1"
}

# gone PID: the process is gone or a zombie within 5 s.
gone() {
	local i
	for i in $(seq 50); do
		[ -e "/proc/$1" ] || return 0
		[ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" = Z ] && return 0
		sleep 0.1
	done
	return 1
}

# cg_v2 CG: whether the cgroup that guest.start names (CG) is a v2 one
# (one directory for every controller) rather than v1 (this machine's kind).
cg_v2() { [ -e "$1/cgroup.events" ]; }

# cg_dir CG CONTROLLER: where CONTROLLER's files are for CG: CG itself on
# cgroup v2, the same name under the controller's own mount on v1.
cg_dir() {
	if cg_v2 "$1"; then echo "$1"; else echo "/sys/fs/cgroup/$2/${1##*/}"; fi
}

# guest_pid RUN: the pid of RUN/events.jsonl's guest.start, waiting up to 5 s for it.
guest_pid() {
	local i
	for i in $(seq 50); do
		python3 -c 'import json,sys
for l in open(sys.argv[1]):
    e = json.loads(l)
    if e["type"] == "guest.start": print(e["pid"]); break' "$1/events.jsonl" 2>/dev/null && return
		sleep 0.1
	done
}
