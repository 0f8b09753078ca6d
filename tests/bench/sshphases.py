#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Where `ssh root@HOST true` spends its time, from the client's side.

Usage: sshphases.py HOST PASSWORD [ROUNDS]
Runs the login ROUNDS times (default 3) with `ssh -v` from the current
network namespace, stamps each line of its log as it arrives, and prints
one line of five medians, in seconds: the server's banner, key exchange,
password authentication, the session (channel, PAM session, the shell
running `true`, its exit), and the whole login.
"""
import statistics
import subprocess
import sys
import time

# The log line that ends each phase, in order.
MARKS = ("Remote protocol version", "SSH2_MSG_NEWKEYS received",
         "Authenticated to", "Exit status")


def one_login(host, password):
    cmd = ["sshpass", "-p", password, "ssh", "-v",
           "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
           "-o", "ConnectTimeout=10", "root@" + host, "true"]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            text=True, errors="replace")
    stamps = {}
    for line in proc.stderr:
        now = time.monotonic() - start
        for mark in MARKS:
            if mark in line and mark not in stamps:
                stamps[mark] = now
    if proc.wait() != 0:
        sys.exit("sshphases: ssh root@%s true failed (%d)" % (host, proc.returncode))
    total = time.monotonic() - start
    missing = [m for m in MARKS if m not in stamps]
    if missing:
        sys.exit("sshphases: ssh -v printed no %r; its log format changed?" % missing[0])
    ends = [stamps[m] for m in MARKS]
    return [ends[0]] + [b - a for a, b in zip(ends, ends[1:])] + [total]


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    rounds = int(sys.argv[3]) if len(sys.argv) == 4 else 3
    runs = [one_login(sys.argv[1], sys.argv[2]) for _ in range(rounds)]
    print(" ".join("%.3f" % statistics.median(col) for col in zip(*runs)))


if __name__ == "__main__":
    main()
