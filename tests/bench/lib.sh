# SPDX-License-Identifier: GPL-2.0
# Shared by the bench scripts (tests/bench/*.sh); sourced, not run.
# The caller (tests/bench/run) exports TOP and WORK; every figure script
# writes its part of BENCHMARKS.md to $WORK/md/NN-name.md.

TOP=${TOP:?run me from tests/bench/run}
WORK=${WORK:?run me from tests/bench/run}
HONEYNET=$TOP/build/bin/honeynet
HOSTD=$TOP/build/bin/hostd
LAB_PUBLIC=203.0.113.10

die() { echo "bench: $*" >&2; exit 1; }
say() { echo "bench: $*" >&2; }
now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc; }
# median: of the numbers on stdin, one a line.
median() { sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
# fmt N DIGITS: a number rounded for the table.
fmt() { printf "%.${2:-2}f" "$1"; }
# ratio A B: A/B to three places.
ratio() { echo "scale=3; $1 / $2" | bc | sed 's/^\./0./'; }

# The lab is shared with the other engineers' tests: tests/bench/run holds
# /run/honeynet-lab.lock (fd 9) around every script that uses it.
need_lab_lock() {
	[ -e /proc/self/fd/9 ] && [ "$(readlink /proc/self/fd/9)" = /run/honeynet-lab.lock ] ||
		die "$0 uses the lab: run it from tests/bench/run, which holds the lab lock"
}

# attacker CMD...: CMD in the guest over ssh from hn-inet, as root, no pty.
attacker() {
	ip netns exec hn-inet sshpass -p "${ROOT_PASSWORD:-root}" \
		ssh -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
		-o LogLevel=ERROR -o ConnectTimeout=10 "root@$LAB_PUBLIC" "$@"
}

# run_dir ARCHIVE: the newest run directory lab up made under ARCHIVE.
run_dir() {
	local d
	d=$(ls -td "$1"/*/ 2>/dev/null | head -n 1)
	[ -n "$d" ] || die "no run directory under $1"
	echo "${d%/}"
}

# lab_up ARGS...: honeynet lab up ARGS, tried up to 3 times (the lab is
# shared; a failed try is reported and counted in $WORK/lab-retries). The
# lab's processes must not inherit the lock's fd 9, or they would hold the
# lock for as long as the lab is up.
lab_up() {
	local i
	for i in 1 2 3; do
		lab_down 2>/dev/null
		"$HONEYNET" lab up "$@" >/dev/null 9>&- && return 0
		say "lab up $* failed (try $i of 3)"
		echo "lab up $*" >> "$WORK/lab-retries"
	done
	return 1
}
# lab_down: honeynet lab down, then wait (at most 15 s) until the lab is
# really gone: no hn-* namespace and no honeynet, hostd or guest kernel
# process of ours left. `lab down` can return while the previous `lab up`
# process is still cleaning up, and that late clean-up removes the next
# lab's namespaces if the next lab up comes too soon.
lab_down() {
	local i rc=0
	"$HONEYNET" lab down >/dev/null 9>&- || rc=$?
	for i in $(seq 150); do
		lab_gone && return $rc
		sleep 0.1
	done
	say "the lab is not gone 15 s after lab down"
	return 1
}
lab_gone() {
	! ip netns list | grep -qE '^hn-(inet|wall)( |$)' &&
	! ls -l /proc/[0-9]*/exe 2>/dev/null |
		grep -qE -- "-> $TOP/build/(linux|bin/hostd|bin/honeynet)( |$)"
}

# lab_pids RUN_DIR: hostd and every process under it (the guest kernel and
# the host processes that run the guest's processes).
lab_pids() {
	local gp hp
	gp=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["guest"]["pid"])' \
		"$1/meta.json") || die "no guest pid in $1/meta.json"
	hp=$(ps -o ppid= -p "$gp" | tr -d ' ')
	[ "$(cat "/proc/$hp/comm" 2>/dev/null)" = hostd ] || die "guest $gp's parent $hp is not hostd"
	ps -eo pid=,ppid= | awk -v root="$hp" '
		{ parent[$1] = $2; pids[NR] = $1 }
		END { for (i in pids) { p = pids[i]
			for (q = p; q != "" && q > 1; q = parent[q]) if (q == root) { print p; break } } }'
}

# lab_ab DIR ROUNDS "A ARGS" "B ARGS": lab up with A's arguments and with
# B's, ROUNDS times each, A first in odd rounds and B first in even ones
# (so neither side always follows the other's teardown); appends to
# DIR/{up,boot,sys,exec,ssh}-{a,b}:
# lab up to sshd (s), the boot before its host keys (s, boot_to_keygen),
# in the guest one system call (µs, dd of 1-byte blocks:
# a read and a write each) and one fork+exec (ms, /bin/true from sh), both
# timed by the guest's clock, and `ssh root@guest true` (s, after a first
# login). CALLS and EXECS set the counts; the system call, fork+exec and
# ssh true are each run REPS times a round and the round's median kept,
# because one run inside one boot already varies by about 10 % on this
# machine (one ssh true by 30 %). Both sides
# measure only once the guest's boot has settled (systemd says running),
# so no late boot job runs alongside.
lab_ab() {
	local dir=$1 rounds=$2 round side args s order run
	for round in $(seq "$rounds"); do
		[ $((round % 2)) -eq 1 ] && order="a b" || order="b a"
		for side in $order; do
			[ "$side" = a ] && args=$3 || args=$4
			s=$(now)
			# shellcheck disable=SC2086 # the arguments are words
			lab_up --archive "$dir/archive" $args || die "lab up $args failed; see $dir/archive"
			elapsed "$s" >> "$dir/up-$side"
			run=$(run_dir "$dir/archive")
			# Warm the guest the same way for both: the first login, the pages of dd and true.
			attacker 'dd if=/dev/zero of=/dev/null bs=1 count=1000 2>/dev/null; /bin/true' \
				2>/dev/null || true
			attacker 'timeout 120 systemctl is-system-running --wait >/dev/null' ||
				say "round $round, $args: the guest's boot did not settle as running"
			reps "dd if=/dev/zero of=/dev/null bs=1 count=$CALLS 2>/dev/null" \
				"2 * $CALLS * 1000" >> "$dir/sys-$side"
			reps "for i in \$(seq $EXECS); do /bin/true; done" \
				"$EXECS * 1000000" >> "$dir/exec-$side"
			for _ in $(seq "${REPS:-3}"); do
				s=$(now)
				attacker true || die "ssh true failed ($args)"
				elapsed "$s"
			done | median >> "$dir/ssh-$side"
			lab_down
			boot_to_keygen "$run" >> "$dir/boot-$side"
		done
	done
}

# boot_to_keygen RUN: seconds from hostd's guest.start to the guest's
# exec of ssh-keygen -A, by the timestamps of RUN/events.jsonl. The lab's
# guest makes new host keys each boot (a fresh COW over a root_fs that has
# none); an RSA key takes 0.5 to 1.5 s here, at random, which is most of
# lab up's spread from boot to boot. Up to that exec the boot is the same
# work each time.
boot_to_keygen() {
	python3 - "$1/events.jsonl" <<'PY'
import json, sys
from datetime import datetime
def secs(e):
    return datetime.strptime(e["ts"], "%Y-%m-%dT%H:%M:%S.%fZ").timestamp()
start = None
for line in open(sys.argv[1]):
    e = json.loads(line)
    if e["type"] == "guest.start":
        start = secs(e)
    elif e["type"] == "exec" and start is not None and e["filename"] == "/usr/bin/ssh-keygen":
        print("%.3f" % (secs(e) - start))
        sys.exit(0)
sys.exit("%s: no guest.start followed by an exec of ssh-keygen" % sys.argv[1])
PY
}

# reps CMD DIVISOR: the median of REPS (default 3) runs of CMD in the
# guest, each its nanoseconds over DIVISOR (a bc expression), to 3 places.
reps() {
	local k ns
	for k in $(seq "${REPS:-3}"); do
		ns=$(guest_ns "$1") || die "in the guest: $1 failed"
		echo "scale=3; $ns / ($2)" | bc
	done | median
}

# guest_ns CMD: nanoseconds CMD took in the guest, by its clock.
guest_ns() {
	attacker "s=\$(date +%s%N); $1; e=\$(date +%s%N); echo \$((e - s))"
}

# build_floor DIR: DIR/ptrace_floor from tests/bench/ptrace_floor.c.
build_floor() {
	gcc -O2 -Wall -Wextra -Werror -o "$1/ptrace_floor" "$TOP/tests/bench/ptrace_floor.c" ||
		die "cannot build tests/bench/ptrace_floor.c"
}

# ab_row DIR WHAT KEY TARGET: a table row of lab_ab's KEY: A and B each
# round, their medians and the ratio of those medians, then A/B round by
# round (paired) with its 90 % interval. TARGET (a bc expression of r, or
# "") is judged on the paired ratio and adds "WHAT: met." or "missed." to
# $verdicts.
ab_row() {
	local dir=$1 what=$2 key=$3 target=$4 a b p lo hi
	a=$(median < "$dir/$key-a")
	b=$(median < "$dir/$key-b")
	read -r p lo hi < <(paired "$dir/$key-a" "$dir/$key-b") || die "$dir/$key: no paired ratio"
	if [ -n "$target" ]; then
		[ "$(echo "r = $p; $target" | bc)" -eq 1 ] && verdicts+="$what: met. " ||
			verdicts+="$what: **missed**. "
	fi
	echo "| $what | $(tr '\n' ' ' < "$dir/$key-a") | $(tr '\n' ' ' < "$dir/$key-b") |" \
		"$(fmt "$a" 2) | $(fmt "$b" 2) | $(ratio "$a" "$b") | **$p** | $lo to $hi |"
}

# paired FILE_A FILE_B: "MEDIAN LO HI" of the ratios line by line (line i
# of each is the same round, measured minutes apart): their median, and the
# 5th and 95th percentiles of that median over 2000 resamplings of the
# rounds (with replacement, a fixed seed). Pairing cancels what this
# shared machine's load does to both sides of a round alike, which the
# ratio of the two sides' medians keeps.
paired() {
	python3 - "$1" "$2" <<'PY'
import random, statistics, sys
a, b = ([float(x) for x in open(f).read().split()] for f in sys.argv[1:3])
if len(a) != len(b) or not a:
    sys.exit("paired: %s and %s differ in rounds (%d, %d)" % (sys.argv[1], sys.argv[2], len(a), len(b)))
r = [x / y for x, y in zip(a, b)]
rng = random.Random(1)
rs = sorted(statistics.median(rng.choices(r, k=len(r))) for _ in range(2000))
print("%.3f %.3f %.3f" % (statistics.median(r), rs[100], rs[1899]))
PY
}

# Debian's stock UML kernel, and stock_linux DIR: a wrapper in DIR that
# runs it as honeynet's --kernel (prints its path). The stock kernel
# panics at init on hosts with large XSAVE areas (patch 0001 fixes ours),
# so the wrapper preloads tests/bench/xstate_shim.c; and it puts on the
# command line what our kernel's honeypot defaults supply by themselves
# (root on the first disk, console on stdout only, eth0 on the pre-made
# tap0 without the uml_net helper), so both boot the same guest the same
# way. A script cannot run in the jail (it holds one binary): use it with
# --jail off.
STOCK=/usr/bin/linux.uml
stock_linux() {
	local dir=$1
	[ -x "$STOCK" ] || die "$STOCK missing: apt-get install user-mode-linux"
	gcc -shared -fPIC -O2 -Wall -Wextra -Werror -o "$dir/xstate_shim.so" \
		"$TOP/tests/bench/xstate_shim.c" || die "cannot build the xstate shim"
	cat > "$dir/stock-linux" <<SH
#!/bin/bash
args=()
for a in "\$@"; do
	[ "\$a" = "eth0=tuntap,,," ] && a=eth0=tuntap,tap0
	args+=("\$a")
done
LD_PRELOAD=$dir/xstate_shim.so exec $STOCK "\${args[@]}" root=/dev/ubda rw con0=null,fd:1 con=null ssl=null
SH
	chmod +x "$dir/stock-linux"
	echo "$dir/stock-linux"
}
