#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The guest's vector registers survive the guest kernel: tests/guest/fpstate
# runs in the lab guest as root (processes, threads, system calls, thread
# switches, page faults, signals, fork) and every register must come back
# unchanged. The kernel keeps user fp state in the host process between
# round trips (patches/0006), so this is what notices a missed save.
source "$(dirname "$0")/lib.sh"
require root "$HONEYNET" "$TOP/build/linux" "$TOP/build/root_fs" sshpass gcc
lab_lock

lab_scratch

check "lab up" "$HONEYNET" lab up --archive "$work"
guest_program "$work" fpstate "$TOP/tests/guest/fpstate.c" "$TOP/tests/guest/fpstate_regs.S" ||
	exit 1

out=$(guest '/root/.hn-fpstate -p 3 -t 3 -n 250; echo "exit $?"; rm -f /root/.hn-fpstate')
echo "$out" | head -n 40
check "fpstate exits 0 in the guest" grep -qx 'exit 0' <<<"$out"
check "fpstate reports every check held" grep -qx 'fpstate: ok' <<<"$out"
# cpuid in the guest is the host's CPU: the widest registers must be checked.
if grep -qw avx512f /proc/cpuinfo; then
	check "zmm0-31 checked (the CPU has AVX-512F)" grep -q 'registers: zmm0-31$' <<<"$out"
else
	check "ymm0-15 checked (the CPU has no AVX-512F)" grep -q 'registers: ymm0-15$' <<<"$out"
fi

check "lab down" "$HONEYNET" lab down
exit $status
