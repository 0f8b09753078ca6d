#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Fail closed on the real guest: the lab's archive on a filesystem of the
# test's own (a tmpfs in a mount namespace of its own), nearly filled by a
# ballast file, then filled from inside the guest through a pty. hostd says
# which file failed and "guest paused" once, every host process of the guest
# is frozen (its cgroup's freezer, and no CPU time spent), meta.json says
# failed, every earlier file reads whole and the cut one up to its last
# flush; lab down cleans up.
source "$(dirname "$0")/lib.sh"
require root "$HONEYNET" "$TOP/build/linux" "$TOP/build/root_fs" sshpass python3 unshare \
	tcpdump

# The body runs in the mount namespace (see the end); $1 = inner, $2 = work.
if [ "${1:-}" = inner ]; then
	work=$2
	# lab up wants room for the COW's worst case (the root_fs's size) and the
	# capture's share; then something else fills the filesystem up to 40 MiB
	# (a ballast file), leaving room for the rest of the boot, not a flood.
	mount -t tmpfs -o size=3g hn-full "$work/arch" || { fail "mount tmpfs"; exit 1; }
	check "lab up with the archive on a 3 GiB filesystem" \
		"$HONEYNET" lab up --archive "$work/arch"
	run=$(lab_run_dir "$work/arch") || exit 1
	avail=$(df --output=avail -B1 "$work/arch" | tail -1)
	check "a ballast file fills the filesystem up to 40 MiB" \
		fallocate -l $((avail - (40 << 20))) "$work/arch/ballast"
	init=$(python3 -c 'import json, sys
print(json.load(open(sys.argv[1]))["guest"]["pid"])' "$run/meta.json")
	cg=$(python3 -c 'import json, sys
for e in map(json.loads, open(sys.argv[1])):
    if e["type"] == "guest.start": print(e["cgroup"]); break' "$run/events.jsonl")
	check "the guest runs: its jail's init $init is alive" \
		bash -c '[[ "$0" =~ ^[0-9]+$ ]] && kill -0 "$0"' "$init"
	# Random bytes as base64 on a pty: the tty file and the capture of the
	# ssh session grow until the filesystem is full.
	timeout 120 ip netns exec hn-inet sshpass -p "${ROOT_PASSWORD:-root}" ssh -tt \
		-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR \
		"root@$LAB_PUBLIC" 'head -c 200000000 /dev/urandom | base64' </dev/null >/dev/null 2>&1 &
	flood=$!
	paused() { grep -q "guest paused" "$run/hostd.log"; }
	check "hostd says the guest is paused within 200 s" wait_for 200 paused
	kill "$flood" 2>/dev/null
	wait "$flood" 2>/dev/null
	msg=$(grep "guest paused" "$run/hostd.log")
	check "hostd names the file and the reason: $msg" \
		grep -qE "^hostd: (archive|capture) $run/[^:]+: No space left on device; guest paused" <<<"$msg"
	check "... once" [ "$(grep -c "guest paused" "$run/hostd.log")" -eq 1 ]
	if cg_v2 "$cg"; then
		check "the guest's cgroup is frozen (v2 cgroup.events)" grep -qx 'frozen 1' "$cg/cgroup.events"
		procs=$(cat "$cg/cgroup.procs")
	else
		fz=$(cg_dir "$cg" freezer)
		check "the guest's cgroup is frozen (v1 freezer.state FROZEN)" \
			grep -qx FROZEN "$fz/freezer.state"
		procs=$(cat "$fz/cgroup.procs")
	fi
	cpu() { for p in $procs; do cat "/proc/$p/stat"; done | awk '{ t += $14 + $15 } END { print t }'; }
	states=$(for p in $procs; do awk '{ print $3 }' "/proc/$p/stat"; done | sort -u | tr '\n' ' ')
	check "every host process of the guest ($(wc -w <<<"$procs")) is frozen (state D): $states" \
		bash -c '[ "$(wc -w <<<"$0")" -ge 4 ] && [ "$1" = "D " ]' "$procs" "$states"
	before=$(cpu)
	sleep 2
	check "no process of the guest spent CPU time while paused ($before then $(cpu) ticks)" \
		[ "$(cpu)" = "$before" ]
	check "the kernel is still there, paused, not dead" kill -0 "$init"
	# lab down: the mconsole cannot answer a frozen guest; hostd is stopped and kills it.
	"$HONEYNET" lab down >/dev/null 2>&1
	check "lab down: no process of the guest is left" bash -c '! pgrep -u 64200 >/dev/null'
	check "lab down: no hn-* namespace is left" bash -c '! ip netns list | grep -q "^hn-"'
	meta=$(python3 -c 'import json, sys
m = json.load(open(sys.argv[1]))
print(m["state"], m["failure"])' "$run/meta.json" 2>&1)
	check "meta.json says failed, with the message: $meta" \
		grep -q "^failed .*No space left on device" <<<"$meta"
	cut=$(sed -E 's/^hostd: (archive|capture) ([^:]+): .*/\2/' <<<"$msg")
	# A capture file cut at the pause is finished at stop (renamed from .part)
	# when the room hostd gave back holds its end.
	[[ $cut == *.part && ! -e $cut ]] && cut=${cut%.part}
	# Files finished before the pause read whole; those still open at it
	# (the cut one, the flooding session's) read up to their last flush.
	closed=$(python3 -c 'import json, sys
for e in map(json.loads, open(sys.argv[1])):
    if e["type"] == "hostd.suspend": break
    if e["type"] in ("tty.close", "capture.rotate") and e.get("file"): print(e["file"])' \
		"$run/events.jsonl")
	whole=0 bad= open_ok=0 open_bad=
	for f in "$run"/tty/*.gz "$run"/pcap/*.gz*; do
		[ -e "$f" ] || continue
		if grep -qxF "${f#"$run"/}" <<<"$closed" || grep -qxF "${f##*/}" <<<"$closed"; then
			gzip -t "$f" 2>/dev/null && whole=$((whole + 1)) || bad+=" ${f#"$run"/}"
		elif [ "$(zcat "$f" 2>/dev/null | head -c 1 | wc -c)" -eq 1 ]; then
			open_ok=$((open_ok + 1))
		else
			open_bad+=" ${f#"$run"/}"
		fi
	done
	check "every file finished before the pause reads whole ($whole files; bad:${bad:- none})" \
		bash -c '[ -z "$0" ] && [ "$1" -gt 0 ]' "$bad" "$whole"
	check "every file open at the pause reads up to its last flush ($open_ok; bad:${open_bad:- none})" \
		bash -c '[ -z "$0" ] && [ "$1" -gt 0 ]' "$open_bad" "$open_ok"
	check "the cut file ($cut) reads up to its last flush: $(zcat "$cut" 2>/dev/null | wc -c) bytes" \
		[ "$(zcat "$cut" 2>/dev/null | wc -c)" -gt 0 ]
	umount "$work/arch"
	exit $status
fi

lab_lock
lab_scratch
mkdir "$work/arch"
unshare -m --propagation private bash "$0" inner "$work"
