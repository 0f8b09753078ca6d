#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Page faults give a guest process what a real kernel gives it, on both of
# the kernel's ways to handle one (patches/0008: a first touch of
# anonymous memory from the host's siginfo alone, the rest through the
# SIGSEGV stub): tests/guest/faults runs in the lab guest as root.
source "$(dirname "$0")/lib.sh"
require root "$HONEYNET" "$TOP/build/linux" "$TOP/build/root_fs" sshpass gcc
lab_lock

lab_scratch

check "lab up" "$HONEYNET" lab up --archive "$work"
guest_program "$work" faults "$TOP/tests/guest/faults.c" || exit 1
out=$(guest '/root/.hn-faults; echo "exit $?"; rm -f /root/.hn-faults')
echo "$out" | head -n 40
check "faults exits 0 in the guest" grep -qx 'exit 0' <<<"$out"
check "faults reports every check held" grep -qx 'faults: ok' <<<"$out"
check "lab down" "$HONEYNET" lab down
exit $status
