#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The /proc masquerade's semantics in the booted guest, with a persona of
# the test's own: a file replaces (or adds) an entry, NAME.remove hides it
# from lookup and listing, NAME.filter edits live content under every pid
# and thread; the guest sees an ordinary proc mount and no trace of the
# persona. A persona that does not parse stops the kernel before it boots.
source "$(dirname "$0")/lib.sh"
source "$TOP/tests/lib/unpriv.sh"
require root setpriv "$HONEYNET" "$TOP/build/linux" "$TOP/build/root_fs" sshpass
lab_lock

lab_scratch
# The kernels started by hand below run as the jail's uid (patch 0005).
chown "$HN_JAIL_UID:$HN_JAIL_UID" "$work"

# A persona the kernel must refuse: it names the file and the line and
# starts nothing, before any disk or network is touched.
bad=$work/bad
mkdir -p "$bad/net"
printf 'delete "x"\n# fine so far\nfrobnicate "y"\n' > "$bad/net/dev.filter"
out=$(timeout 20 "${HN_UNPRIV[@]}" "$TOP/build/linux" hppfs="$bad" ubd0=/nonexistent mem=64M \
	umid=hn-masq-bad uml_dir="$work" 2>&1)
rc=$?
check "a bad persona stops the kernel (exit $rc, not 0 and not a timeout)" \
	test "$rc" -ne 0 -a "$rc" -ne 124
check "the refusal names the file and line: $bad/net/dev.filter:3" \
	grep -qF "hppfs: persona $bad/net/dev.filter:3: " <<<"$out"
check "the refusal names the fault (the unknown rule)" grep -q 'frobnicate' <<<"$out"
check "nothing booted (no kernel banner after the refusal)" \
	lacks "Linux version" "$out"
out=$(timeout 20 "${HN_UNPRIV[@]}" "$TOP/build/linux" hppfs="$work/none" ubd0=/nonexistent \
	umid=hn-masq-none uml_dir="$work" 2>&1)
check "a missing persona directory stops the kernel too" \
	grep -qF "hppfs: persona $work/none" <<<"$out"

# The test's persona: the default one plus an entry of each kind.
persona=$work/persona
cp -r "$TOP/rootfs/persona/proc" "$persona"
printf 'hn-masq-added 42\n' > "$persona/hn-masq-added"
printf 'replaced loadavg\n' > "$persona/loadavg"
: > "$persona/swaps.remove"
: > "$persona/*/oom_adj.remove"
printf 'append "HN_MASQ=filtered"\nseparator nul\n' > "$persona/*/environ.filter"
printf 'replace "MemFree:" "MemFree:  "\nappend "HnMasq: 1 kB"\n' >> "$persona/meminfo.filter"
check "honeynet persona check accepts the test's persona" \
	"$HONEYNET" persona check "$persona"

check "lab up with the test's persona" \
	"$HONEYNET" lab up --archive "$work/archive" --persona "$persona"
run_dir=$(lab_run_dir "$work/archive")

# same WHAT WANT CMD: passes when CMD's output in the guest is WANT.
same() {
	local what=$1 want=$2 got
	shift 2
	got=$(guest "$@")
	if [ "$got" = "$want" ]; then pass "$what"; else fail "$what: got '$got'"; fi
}

same "a replaced entry serves the persona's file" "replaced loadavg" cat /proc/loadavg
same "an added entry exists and serves its file" "hn-masq-added 42" cat /proc/hn-masq-added
same "the added entry is listed in /proc" "hn-masq-added" 'ls /proc | grep -x hn-masq-added'
same "a removed entry fails lookup" "absent" 'test -e /proc/swaps && echo present || echo absent'
same "a removed entry is not listed" "" 'ls -a /proc | grep -x swaps'
same "a removed per-pid entry fails under every pid" "absent" \
	'for d in /proc/[0-9]*; do test -e $d/oom_adj && echo "$d present"; done; echo absent'
same "a removed per-pid entry is not listed (process and thread)" "" \
	'ls /proc/1 /proc/1/task/1 | grep -x oom_adj'
same "a per-pid filter applies to init" "HN_MASQ=filtered" \
	"tr '\\0' '\\n' </proc/1/environ | tail -n 1"
same "a per-pid filter applies to the thread view" "HN_MASQ=filtered" \
	"tr '\\0' '\\n' </proc/1/task/1/environ | tail -n 1"
same "a per-pid filter applies to the reader itself (self)" "HN_MASQ=filtered" \
	"tr '\\0' '\\n' </proc/self/environ | tail -n 1"
same "a filter keeps live numbers (MemFree is the live value, respaced)" "yes" \
	'a=$(sed -n "s/^MemFree: *\([0-9]*\) kB/\1/p" /proc/meminfo); [ -n "$a" ] && [ "$a" -gt 0 ] && echo yes'
same "a filter's appended line is there" "HnMasq: 1 kB" 'grep ^HnMasq /proc/meminfo'
same "a filtered file reread from offset 0 is read live again" "live" \
	'perl -e "open(F, q{<}, q{/proc/interrupts}) or die; sysread(F, \$a, 65536);
		select(undef, undef, undef, 0.5); sysseek(F, 0, 0); sysread(F, \$b, 65536);
		print((\$a ne \$b && \$b =~ /timer/) ? qq{live\n} : qq{stale\n});"'
same "masked files cannot be opened for writing" "refused" \
	'(echo x > /proc/hn-masq-added) 2>/dev/null && echo written || echo refused'
same "/proc is an ordinary proc mount" "proc /proc proc" \
	'grep " /proc " /proc/mounts | cut -d" " -f1-3'
same "no masquerade filesystem type" "" 'grep -iE "hppfs|masq|persona" /proc/filesystems'
same "the persona's host path is nowhere in cmdline, environ or dmesg" "" \
	"{ cat /proc/cmdline; tr '\\0' '\\n' </proc/1/environ; dmesg; } | grep -E 'hppfs|$run_dir|$work'"
same "ps aux and top still work" "ok" 'ps aux >/dev/null && top -bn1 >/dev/null && echo ok'
check "lab down" "$HONEYNET" lab down
exit $status
