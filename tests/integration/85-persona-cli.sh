#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# `honeynet persona check/make` on the repository's default persona and a
# broken one; no lab needed.
source "$(dirname "$0")/lib.sh"
require "$HONEYNET"

PERSONA=$TOP/rootfs/persona/proc
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

out=$("$HONEYNET" persona check "$PERSONA" 2>&1)
check "the default persona loads" test $? -eq 0
check "check prints a summary of the entries" \
	grep -qE "^persona $PERSONA: [0-9]+ entries: [0-9]+ replaced, [0-9]+ removed, [0-9]+ filtered$" <<<"$out"
check "the default persona does not carry its own cpuinfo" \
	test ! -e "$PERSONA/cpuinfo" -a ! -e "$PERSONA/cpuinfo.filter"

check "make builds a run's persona from the default one" \
	"$HONEYNET" persona make --from "$PERSONA" --out "$work/run"
check "the run's persona loads" eval '"$HONEYNET" persona check "$work/run" >/dev/null'
cpu=$(cat "$work/run/cpuinfo" 2>/dev/null)
check "its cpuinfo is one processor 0" \
	test "$(grep -c '^processor' <<<"$cpu")" = 1 -a "$(grep '^processor' <<<"$cpu")" = "$(printf 'processor\t: 0')"
check "its cpuinfo names the host's CPU model" \
	grep -qxF -- "$(grep -m1 '^model name' /proc/cpuinfo)" <<<"$cpu"
check "its cpuinfo flags say hypervisor" grep -qE '^flags.* hypervisor( |$)' <<<"$cpu"
check "its cpuinfo has no vmx flags line" lacks "vmx flags" "$cpu"
check "its cpuinfo does not name the host" eval '! grep -qw -- "$(hostname)" <<<"$cpu"'
check "its cpuinfo does not name the host kernel" lacks "$(uname -r)" "$cpu"
check "the copy holds every file of the persona" \
	test "$(cd "$PERSONA" && find . -type f | sort)" = \
	     "$(cd "$work/run" && find . -type f ! -name cpuinfo | sort)"

err=$("$HONEYNET" persona make --from "$PERSONA" --out "$work/run" 2>&1)
check "make refuses an existing directory" test $? -eq 1
check "and says so" grep -qF "$work/run exists" <<<"$err"

mkdir -p "$work/broken/tty"
printf 'delete "SIGIO"\n\nreplace "a"\n' >"$work/broken/interrupts.filter"
err=$("$HONEYNET" persona check "$work/broken" 2>&1)
check "a broken persona is refused" test $? -eq 1
check "the refusal names the file and line" \
	test "$err" = "honeynet: persona $work/broken/interrupts.filter:3: replace needs two strings"
err=$("$HONEYNET" persona make --from "$work/broken" --out "$work/run2" 2>&1)
check "make refuses a broken persona" test $? -eq 1
check "and makes nothing" test ! -e "$work/run2"

ln -s /etc/hostname "$work/broken/version"
rm "$work/broken/interrupts.filter"
err=$("$HONEYNET" persona check "$work/broken" 2>&1)
check "a symbolic link is refused" grep -qF "persona $work/broken/version: a symbolic link" <<<"$err"

rm "$work/broken/version"
printf 'x\n' >"$work/broken/cpuinfo"
err=$("$HONEYNET" persona make --from "$work/broken" --out "$work/run3" 2>&1)
check "make refuses a persona with its own cpuinfo" \
	grep -qF "masks cpuinfo, which 'persona make' writes" <<<"$err"
exit $status
