# SPDX-License-Identifier: GPL-2.0
"""Keystroke-to-echo latency at the attacker's terminal: what a typist feels.

Usage: echolat.py COUNT
Logs in over ssh with a pty from hn-inet (tests/lib/attacker_pty.py),
starts `cat` at the prompt, then COUNT times: waits a human gap (0.10-0.25
s, seeded), types one letter and waits until the guest's echo of it comes
back on the terminal. Prints the median and the 99th percentile of the
seconds from the write to the echo.
"""
import os
import random
import select
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from attacker_pty import Login  # noqa: E402

ECHO_TIMEOUT = 5.0


def echo_of(t, ch):
    """Seconds from typing ch until the screen shows it."""
    start = time.monotonic()
    os.write(t.fd, ch.encode())
    while ch.encode() not in t.seen:
        left = ECHO_TIMEOUT - (time.monotonic() - start)
        if left <= 0:
            sys.exit("echolat: no echo of %r in %.0f s" % (ch, ECHO_TIMEOUT))
        select.select([t.fd], [], [], left)
        t.drain()
    took = time.monotonic() - start
    t.seen = b""
    return took


def main():
    count = int(sys.argv[1])
    rnd = random.Random(42)
    t = Login("echolat")
    t.wait_for("# ")
    t.type("cat\r", 0.03)
    t.wait_for("cat\r\n")
    t.seen = b""
    lat = []
    for _ in range(count):
        time.sleep(rnd.uniform(0.10, 0.25))
        lat.append(echo_of(t, rnd.choice("abcdefghijklmnopqrstuvwxyz")))
    t.logout("\x03exit\r")
    lat.sort()
    print("%.4f %.4f" % (lat[len(lat) // 2], lat[min(len(lat) - 1, int(len(lat) * 0.99))]))


if __name__ == "__main__":
    main()
