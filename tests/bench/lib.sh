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
