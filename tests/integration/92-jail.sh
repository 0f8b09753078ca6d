#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The jail, checked from outside on a running lab guest: every host process
# of the guest (the jail's init, the kernel, UML's helpers and the processes
# that run guest code) is the jail's uid with no capability, no_new_privs and
# a seccomp filter, in user, mount, pid, ipc and uts namespaces of its own,
# sees no host file, has an empty environment and bounded rlimits, and sits
# in a cgroup with memory and pids limits. A fork bomb and a memory hog as
# root in the guest stay inside them while the host stays responsive, and the
# archive records them. A jail step made to fail stops the start, named.
source "$(dirname "$0")/lib.sh"
source "$TOP/tests/lib/unpriv.sh"
require root "$HONEYNET" "$TOP/build/linux" "$TOP/build/root_fs" sshpass python3
lab_lock

lab_scratch

check "lab up" "$HONEYNET" lab up --archive "$work/archive"
run=$(lab_run_dir "$work/archive") || exit 1

# guest.start names the jail's init (pid) and its cgroup directory.
read -r init cg <<<"$(python3 -c '
import json, sys
for l in open(sys.argv[1]):
    e = json.loads(l)
    if e["type"] == "guest.start":
        print(e["pid"], e["cgroup"] or "")
        break' "$run/events.jsonl")"
check "guest.start names a live jail init ($init) and a cgroup ($cg)" \
	bash -c '[[ "$0" =~ ^[0-9]+$ ]] && kill -0 "$0" && [ -d "$1" ]' "$init" "$cg"
# v1 (this machine's kind): one directory per controller; v2: one for all.
if cg_v2 "$cg"; then
	mem_limit=$cg/memory.max
	mem_peak=$cg/memory.peak
else
	mem_limit=$(cg_dir "$cg" memory)/memory.limit_in_bytes
	mem_peak=${mem_limit%/*}/memory.max_usage_in_bytes
fi
pids_dir=$(cg_dir "$cg" pids)
procs=$(cat "$pids_dir/cgroup.procs")
n=$(wc -w <<<"$procs")
check "the guest's host processes are in its cgroup: $n (init, kernel, helpers, address spaces)" \
	[ "$n" -ge 4 ]
check "the jail's init is one of them" grep -qx "$init" <<<"$procs"
check "the kernel (the init's child) is one of them" \
	grep -qxF "$(cat /proc/"$init"/task/"$init"/children | awk '{print $1}')" <<<"$procs"
# Outside the cgroup, only hostd's guard has the jail's uid (to kill the guest).
hostd=$(lab_hostd_pid) || exit 1
outside=$(comm -23 <(pgrep -u "$HN_JAIL_UID" | sort) <(sort <<<"$procs"))
check "outside the cgroup only hostd's guard runs as the jail's uid: $(tr '\n' ' ' <<<"$outside")" \
	bash -c '[ "$(wc -w <<<"$0")" -eq 1 ] && [ "$(ps -o ppid= -p "$0" | tr -d " ")" = "$1" ]' \
	"$outside" "$hostd"

field() { awk -v k="$2:" '$1 == k { $1 = ""; print substr($0, 2) }' "/proc/$1/status" | tr -s '\t ' ' '; }
host_ns() { readlink "/proc/1/ns/$1"; }
bad_uid= bad_caps= bad_nnp= bad_seccomp= bad_ns= bad_root= bad_env= bad_limits= bad_cpu=
want_root="dev disk image lib64 linux persona proc tmp uml usr"
# live PID: still one of the guest's running processes. The guest's own
# processes come and go; one that exits during its checks (its namespaces
# and root already gone) or whose PID is reused is not judged.
live() {
	grep -q ":/${cg##*/}\$" "/proc/$1/cgroup" 2>/dev/null &&
		[[ "$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null)" =~ ^[RSDtT]$ ]]
}
# meta.json names the guest's one host CPU (hostd --cpu's default: the last).
cpu=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["guest"]["cpu"])' \
	"$run/meta.json")
check "meta.json names the guest's host CPU: $cpu (the last of $(nproc))" [ "$cpu" = $(($(nproc) - 1)) ]
for p in $procs; do
	live "$p" || continue
	u= c= nnp= s= ns= r= e= l= a=
	[ "$(field "$p" Uid)" = "$HN_JAIL_UID $HN_JAIL_UID $HN_JAIL_UID $HN_JAIL_UID" ] &&
		[ "$(field "$p" Gid)" = "$HN_JAIL_UID $HN_JAIL_UID $HN_JAIL_UID $HN_JAIL_UID" ] &&
		[ "$(field "$p" Groups)" = "$HN_JAIL_UID" ] || u=" $p"
	for k in CapInh CapPrm CapEff CapBnd CapAmb; do
		[ "$(field "$p" "$k")" = 0000000000000000 ] || c+=" $p:$k"
	done
	[ "$(field "$p" NoNewPrivs)" = 1 ] || nnp=" $p"
	[ "$(field "$p" Seccomp)" = 2 ] || s=" $p"
	for k in user mnt pid ipc uts; do
		[ "$(readlink "/proc/$p/ns/$k")" != "$(host_ns $k)" ] || ns+=" $p:$k"
	done
	[ "$(ls /proc/"$p"/root/ | tr '\n' ' ' | sed 's/ $//')" = "$want_root" ] || r=" $p"
	[ ! -s "/proc/$p/environ" ] || e=" $p"
	grep -qE '^Max core file size +0 +0 ' "/proc/$p/limits" &&
		! grep -qE '^Max file size +unlimited' "/proc/$p/limits" || l=" $p"
	[ "$(field "$p" Cpus_allowed_list)" = "$cpu" ] || a=" $p"
	live "$p" || continue
	bad_uid+=$u bad_caps+=$c bad_nnp+=$nnp bad_seccomp+=$s bad_ns+=$ns bad_root+=$r bad_env+=$e
	bad_limits+=$l bad_cpu+=$a
	judged=$((${judged:-0} + 1))
done
check "the checks below judged most of the guest's processes (${judged:-0} of $n)" \
	[ "${judged:-0}" -ge $((n / 2)) ]
check "every process: uid and gid $HN_JAIL_UID, its only group (bad:${bad_uid:- none})" [ -z "$bad_uid" ]
check "every process: every capability set empty, bounding and ambient too (bad:${bad_caps:- none})" \
	[ -z "$bad_caps" ]
check "every process: no_new_privs (bad:${bad_nnp:- none})" [ -z "$bad_nnp" ]
check "every process: a seccomp filter (Seccomp: 2) (bad:${bad_seccomp:- none})" [ -z "$bad_seccomp" ]
check "every process: own user, mount, pid, ipc and uts namespaces (bad:${bad_ns:- none})" \
	[ -z "$bad_ns" ]
check "every process sees only its jail through /proc/PID/root: $want_root (bad:${bad_root:- none})" \
	[ -z "$bad_root" ]
check "every process: an empty environment (bad:${bad_env:- none})" [ -z "$bad_env" ]
check "every process: RLIMIT_CORE 0, RLIMIT_FSIZE bounded (bad:${bad_limits:- none})" \
	[ -z "$bad_limits" ]
check "every process: on CPU $cpu only, set before the kernel ran (bad:${bad_cpu:- none})" \
	[ -z "$bad_cpu" ]
hostd_cpus=$(field "$hostd" Cpus_allowed_list)
hostd_mask=$(taskset -p "$hostd" | awk '{ print $NF }')
check "hostd runs on the other CPUs: $hostd_cpus" \
	bash -c '[ "$(nproc)" -eq 1 ] || [ $(((0x$0 >> $1) & 1)) -eq 0 ]' "$hostd_mask" "$cpu"
root=/proc/$init/root
check "no host file in the jail: no /etc, /home, /root, /bin, $TOP" \
	bash -c 'for f in etc home root bin "${1#/}"; do [ ! -e "$0/$f" ] || exit 1; done' "$root" "$TOP"
check "its /proc holds only cpuinfo, its /dev only null, urandom, net/tun" \
	bash -c '[ "$(ls "$0/proc")" = cpuinfo ] && [ "$(ls "$0/dev" | tr "\n" " ")" = "net null urandom " ] &&
		[ "$(ls "$0/dev/net")" = tun ]' "$root"
check "/dev/net/tun in the jail is the jail uid's alone (0600)" \
	[ "$(stat -c '%a %u' "$root/dev/net/tun")" = "600 $HN_JAIL_UID" ]
check "the jail's root is mounted read-only" \
	bash -c '[[ "$(awk "\$5 == \"/\" { print \$6 }" "/proc/$0/mountinfo")" == ro,* ]]' "$init"
check "tap0 belongs to the jail's uid" \
	grep -q "^$HN_JAIL_UID$" <(ip netns exec hn-wall cat /sys/class/net/tap0/owner)
mem=$(cat "$mem_limit")
pmax=$(cat "$pids_dir/pids.max")
check "the cgroup's memory limit is set from mem=256M: $mem bytes" \
	bash -c '[[ "$0" =~ ^[0-9]+$ ]] && [ "$0" -ge $((256 << 20)) ] && [ "$0" -le $((1 << 30)) ]' "$mem"
check "the cgroup's pids.max is set: $pmax" bash -c '[[ "$0" =~ ^[0-9]+$ ]]' "$pmax"

# A fork bomb as root in the guest: more guest processes than pids.max, each
# a cat on the ssh session's stdin, so they pile up however slowly the guest
# forks and all end together when the test closes that stdin. The guest
# process whose fork meets the limit may die (UML's stub clone fails); the
# others hold on.
marker=hn-jail-bomb-$$
mkfifo "$work/hold"
attacker "/bin/echo $marker; exec 3<&0
	for i in \$(seq $((pmax * 2))); do cat <&3 >/dev/null & done 2>/dev/null; wait" \
	<"$work/hold" >"$work/bomb.out" 2>&1 &
bomb=$!
exec 7>"$work/hold"
worst=0 peak=0 at_max=0
for i in $(seq 1200); do
	kill -0 "$bomb" 2>/dev/null || break
	start=$(date +%s%N)
	ip netns exec hn-inet true
	ms=$((($(date +%s%N) - start) / 1000000))
	[ "$ms" -gt "$worst" ] && worst=$ms
	cur=$(cat "$pids_dir/pids.current")
	[ "$cur" -gt "$peak" ] && peak=$cur
	# Ten more samples once the limit has refused a fork.
	[ "$(awk '/^max/ { print $2 }' "$pids_dir/pids.events")" -gt 0 ] && at_max=$((at_max + 1))
	[ "$at_max" -ge 10 ] && break
	sleep 0.25
done
exec 7>&-
for i in $(seq 120); do kill -0 "$bomb" 2>/dev/null || break; sleep 1; done
check "fork bomb: it ended when its stdin closed" bash -c '! kill -0 "$0" 2>/dev/null' "$bomb"
kill "$bomb" 2>/dev/null
wait "$bomb"
check "fork bomb: the guest's host processes never exceeded pids.max (peak $peak of $pmax)" \
	[ "$peak" -le "$pmax" ]
check "fork bomb: the cgroup refused forks at its limit (pids.events max > 0)" \
	bash -c '[ "$(awk "/^max/ {print \$2}" "$0/pids.events")" -gt 0 ]' "$pids_dir"
check "fork bomb: the host stayed responsive (slowest host command ${worst} ms < 2000)" \
	[ "$worst" -lt 2000 ]
check "fork bomb: the guest lives on (ssh works after it)" \
	grep -q alive <(attacker 'echo alive' 2>/dev/null)
check "fork bomb: the archive records it (exec of /bin/echo $marker)" \
	grep -q "$marker" "$run/events.jsonl"

# A memory hog as root in the guest: the guest's own OOM killer ends it, and
# the host processes stay inside the cgroup's limit.
attacker 'perl -e "my @a; while (1) { push @a, q(x) x (1 << 20) }"; echo hog-exit=$?' \
	>"$work/hog.out" 2>&1
used=$(cat "$mem_peak")
check "memory hog: it ended (killed in the guest): $(tr '\n' ' ' <"$work/hog.out")" \
	grep -qE 'hog-exit=(137|1)' "$work/hog.out"
check "memory hog: the cgroup's peak ($used) stayed within its limit ($mem)" \
	bash -c '[[ "$0" =~ ^[0-9]+$ ]] && [ "$0" -le "$1" ]' "$used" "$mem"
check "memory hog: the guest lives on" grep -q alive <(attacker 'echo alive' 2>/dev/null)
check "memory hog: the archive records it (exec of perl)" \
	python3 -c 'import json, sys
sys.exit(not any(e["type"] == "exec" and "perl" in e.get("filename", "")
                 for e in map(json.loads, open(sys.argv[1]))))' "$run/events.jsonl"
"$HONEYNET" lab down >/dev/null 2>&1
check "lab down: no process of the jail's uid is left" bash -c '! pgrep -u "$0" >/dev/null' "$HN_JAIL_UID"

# A jail step made to fail stops the start before the kernel runs, naming it.
mkdir -p "$work/r"
"$TOP/build/bin/hostd" --run-dir "$work/r/x" --jail-ro /nonexistent-hn/root_fs=/image/root_fs \
	-- "$TOP/build/linux" 2>"$work/fail.err"
rc=$?
check "a jail step that fails: hostd exits 5 (setup failed)" [ "$rc" -eq 5 ]
check "... naming the step and the reason: $(head -1 "$work/fail.err")" \
	grep -q '^hostd: jail: stat /nonexistent-hn/root_fs: No such file or directory; guest not started' \
	"$work/fail.err"
check "... and no guest ran (no guest.start event)" bash -c '! grep -q guest.start "$0"' "$work/r/x/events.jsonl"
exit $status
