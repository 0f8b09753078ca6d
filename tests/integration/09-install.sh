#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make install into a DESTDIR: every file where honeynet(8) says, with its
# mode; the installed honeynet finds the installed hostd, kernel, root_fs
# and persona (a lab booted from them); the unit passes systemd-analyze
# verify; the man pages render clean; make uninstall leaves only the
# operator's honeynet.conf.
# timeout: 300
source "$(dirname "$0")/lib.sh"
require root make groff mandoc systemd-analyze sshpass nft \
	"$TOP/build/bin/honeynet" "$TOP/build/linux" "$TOP/build/root_fs"
cd "$TOP" || exit 1
# Run from make check, the outer make's flags (jobserver, -n) are not ours.
unset MAKEFLAGS MFLAGS MAKELEVEL

T=$(mktemp -d /tmp/hn-install-XXXXXX)
ns=install09-$$  # not hn-*: other tests take those for the lab's
sbin=$T/usr/sbin
lab_started=
cleanup() {
	[ -z "$lab_started" ] || "$sbin/honeynet" lab down >/dev/null 2>&1
	ip netns del "$ns" 2>/dev/null
	rm -rf "$T" "$T.log"
}
trap cleanup EXIT

inst() { make -s --no-print-directory DESTDIR="$T" PREFIX=/usr "$@" >"$T.log" 2>&1; }
check "make install DESTDIR PREFIX=/usr succeeds" inst install
[ -s "$T.log" ] && cat "$T.log"

# mode_is MODE PATH: PATH is a regular file (or, with MODE d..., a
# directory) with that mode.
mode_is() {
	case $1 in
	d*) [ -d "$2" ] && [ "$(stat -c %a "$2")" = "${1#d}" ] ;;
	*) [ -f "$2" ] && [ ! -L "$2" ] && [ "$(stat -c %a "$2")" = "$1" ] ;;
	esac
}
while read -r mode path; do
	check "installed: /$path, mode ${mode}" mode_is "$mode" "$T/$path"
done <<'LIST'
755 usr/sbin/honeynet
755 usr/sbin/hostd
755 usr/bin/ttyreplay
755 usr/lib/honeynet/linux
644 usr/share/honeynet/root_fs
644 usr/share/honeynet/root_fs.manifest
d755 usr/share/honeynet/persona/proc
644 usr/share/honeynet/persona/proc/*/maps.filter
644 usr/lib/systemd/system/honeynet.service
644 etc/honeynet/honeynet.conf.example
644 etc/honeynet/honeynet.conf
644 usr/share/man/man8/honeynet.8
644 usr/share/man/man8/hostd.8
644 usr/share/man/man5/honeynet.conf.5
644 usr/share/man/man1/ttyreplay.1
LIST

same_tree() { diff -r rootfs/persona/proc "$T/usr/share/honeynet/persona/proc" >/dev/null; }
check "the installed persona is rootfs/persona/proc, file for file" same_tree
check "the installed programs and kernel are the built ones" \
	bash -c "cmp -s build/bin/honeynet '$sbin/honeynet' && cmp -s build/bin/hostd '$sbin/hostd' &&
		cmp -s build/bin/ttyreplay '$T/usr/bin/ttyreplay' &&
		cmp -s build/linux '$T/usr/lib/honeynet/linux'"
img=$T/usr/share/honeynet/root_fs
check "the installed root_fs is the built one" cmp -s build/root_fs "$img"
check "the installed root_fs is sparse (fewer blocks than its size)" \
	test $(($(stat -c '%b * %B' "$img"))) -lt "$(stat -c %s "$img")"
check "the installed root_fs keeps the built one's time" \
	test "$(stat -c %Y "$img")" = "$(stat -c %Y build/root_fs)"
check "the example config is installed as it is" \
	cmp -s tools/honeynet/conf/honeynet.conf.example "$T/etc/honeynet/honeynet.conf.example"
conf=$T/etc/honeynet/honeynet.conf
check "honeynet.conf names the installed root_fs and persona, nothing else" \
	test "$(grep -E '^(root_fs|persona) = ' "$conf" | sort -u)" = \
	"$(printf '%s\n' 'persona = /usr/share/honeynet/persona/proc' 'root_fs = /usr/share/honeynet/root_fs')"

# The unit: PREFIX filled in, and systemd-analyze verify on a copy whose
# ExecStart is the DESTDIR's honeynet (verify checks that it exists and is
# executable), with the DESTDIR's man pages for its Documentation=. verify
# exits 0 on a bad directive it ignores, so any output is a failure too.
unit=$T/usr/lib/systemd/system/honeynet.service
check "the unit runs /usr/sbin/honeynet -c /etc/honeynet/honeynet.conf up --foreground" \
	grep -qx 'ExecStart=/usr/sbin/honeynet -c /etc/honeynet/honeynet.conf up --foreground' "$unit"
check "the unit has no @VARIABLE@ left" bash -c "! grep -q '@[A-Z]*@' '$unit'"
mkdir "$T/verify"
# verify_unit UNIT: the unit, with ExecStart under DESTDIR, verifies silently.
verify_unit() {
	local out
	sed "s#^ExecStart=/usr/sbin/#ExecStart=$sbin/#" "$1" >"$T/verify/honeynet.service" &&
		out=$(MANPATH=$T/usr/share/man systemd-analyze verify "$T/verify/honeynet.service" 2>&1) &&
		[ -z "$out" ] || { echo "$out"; return 1; }
}
check "systemd-analyze verify: the unit is clean" verify_unit "$unit"
sed 's/^KillMode=mixed/KillMode=mixd/' "$unit" >"$T/broken.service"
refused() { ! verify_unit "$1" >/dev/null; }
check "systemd-analyze verify: a unit with a bad KillMode is refused (this check can fail)" \
	refused "$T/broken.service"

# The man pages, as installed: groff and mandoc say nothing about them.
for m in man8/honeynet.8 man8/hostd.8 man5/honeynet.conf.5 man1/ttyreplay.1; do
	page=$T/usr/share/man/$m
	check "$m renders without a warning (groff -ww, mandoc -Tlint)" \
		test -z "$(groff -man -Tutf8 -ww -z "$page" 2>&1; mandoc -Tlint "$page" 2>&1)"
done

# The installed honeynet on the installed files: the default persona loads,
# and honeynet.conf (its paths under DESTDIR) is good in a namespace whose
# eth0 (one end of a veth pair) stands for the real outside interface.
check "honeynet persona check: the installed persona loads" \
	"$sbin/honeynet" persona check "$T/usr/share/honeynet/persona/proc"
sed "s#^\(root_fs\|persona\) = /#\1 = $T/#" "$conf" >"$T/here.conf"
ip netns add "$ns"
ip -n "$ns" link add eth0 type veth peer name peer0
out=$(ip netns exec "$ns" "$sbin/honeynet" check "$T/here.conf" 2>&1)
check "honeynet check: the installed honeynet.conf is good on this host" \
	grep -qF "$T/here.conf: good; nat mode, outside_if eth0, 2 honeypots" <<<"$out"
check "honeynet check: it names the installed root_fs" \
	grep -qF "root_fs $T/usr/share/honeynet/root_fs" <<<"$out"

# A lab booted by the installed honeynet with its defaults: it finds the
# installed hostd, kernel, root_fs and persona, and they boot a guest
# whose sshd answers.
lab_lock
"$HONEYNET" lab down >/dev/null 2>&1
lab_started=1
check "the installed honeynet's lab up boots a guest from the installed files" \
	"$sbin/honeynet" lab up --archive "$T/archive"
run=$(lab_run_dir "$T/archive")
pid=$(lab_hostd_pid)
check "the lab's hostd is the installed one" \
	test "$(readlink "/proc/$pid/exe" 2>/dev/null)" = "$sbin/hostd"
check "meta.json: the installed kernel and root_fs, identified by its manifest" python3 -c '
import json, sys
m = json.load(open(sys.argv[1] + "/meta.json"))
sbin = sys.argv[2]
assert m["kernel"]["path"] == sbin + "/../lib/honeynet/linux", m["kernel"]
assert m["root_fs"]["path"] == sbin + "/../share/honeynet/root_fs", m["root_fs"]
assert m["root_fs"]["hash"] == "manifest", m["root_fs"]' "$run" "$sbin"
check "the guest booted from the installed files answers the attacker" \
	test "$(attacker id -u 2>/dev/null)" = 0
check "lab down" "$sbin/honeynet" lab down
lab_started=

# A second install keeps the operator's honeynet.conf as it is.
echo "# the operator's" >>"$conf"
check "a second make install succeeds" inst install
check "a second make install keeps the operator's honeynet.conf" \
	grep -qx "# the operator's" "$conf"

# Uninstall: everything install put is gone but the operator's config, and
# a second uninstall is harmless.
check "make uninstall succeeds" inst uninstall
[ -s "$T.log" ] && cat "$T.log"
rm -rf "$T/verify" "$T/broken.service" "$T/here.conf" "$T/archive"
left=$(cd "$T" && find . ! -type d | sort)
check "uninstall leaves only etc/honeynet/honeynet.conf (left: $(echo $left))" \
	test "$left" = ./etc/honeynet/honeynet.conf
check "uninstall keeps the operator's honeynet.conf as it was" \
	grep -qx "# the operator's" "$conf"
check "uninstall removes lib/honeynet and share/honeynet" \
	test ! -e "$T/usr/lib/honeynet" -a ! -e "$T/usr/share/honeynet"
check "a second make uninstall is harmless" inst uninstall
exit $status
