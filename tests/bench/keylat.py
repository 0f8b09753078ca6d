# SPDX-License-Identifier: GPL-2.0
"""Keystroke-to-archive latency: an ssh pty session typed into at human pace.

Usage: keylat.py RUN_DIR COUNT OUT.json
Logs in over ssh with a pty from hn-inet (tests/lib/attacker_pty.py),
finds the session's archive file (RUN_DIR/tty/*pts*.ttylog.gz holding a marker
it typed), starts `cat >/dev/null`, then COUNT times: waits a human gap
(0.10-0.25 s, seeded), types one key, and polls the growing .gz (zlib, read
as far as hostd has sync-flushed it) every millisecond until that key is
there as an input (dir 1) record. Writes, per key, the seconds from the
write to the ssh pty until the key was readable in the archive, and the
record's own timestamp (when the guest kernel logged it) minus the write.
"""
import glob
import json
import os
import random
import struct
import sys
import time
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from attacker_pty import Login  # noqa: E402

KEY_TIMEOUT = 5.0
KEY_DELAY = 0.03


class Archive:
    """Reads a growing ttylog.gz: its input bytes, each with its record time."""

    def __init__(self, path):
        self.f = open(path, "rb")
        self.z = zlib.decompressobj(31)
        self.buf = b""
        self.inp = []		# (byte, record time in s)

    def poll(self):
        chunk = self.f.read()
        if not chunk:
            return
        self.buf += self.z.decompress(chunk)
        while len(self.buf) >= 24:
            op, _tty, n, d, sec, usec = struct.unpack("<iLiiLL", self.buf[:24])
            if len(self.buf) < 24 + n:
                break
            if op == 3 and d == 1:
                t = sec + usec / 1e6
                self.inp += [(b, t) for b in self.buf[24:24 + n]]
            self.buf = self.buf[24 + n:]

    def text(self):
        return bytes(b for b, _ in self.inp)


def find_session(run, marker):
    deadline = time.time() + 5
    while time.time() < deadline:
        for p in sorted(glob.glob(run + "/tty/*pts*.ttylog.gz"), reverse=True):
            a = Archive(p)
            try:
                a.poll()
            except zlib.error:
                continue
            if marker.encode() in a.text():
                return p, a
        time.sleep(0.05)
    sys.exit("keylat: no session file in %s/tty holds %r" % (run, marker))


def main():
    run, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    rnd = random.Random(42)
    marker = "keylat%d" % os.getpid()
    t = Login("keylat")
    t.wait_for("# ")
    t.type("echo %s-$((6*7))\r" % marker, KEY_DELAY)
    t.wait_for("%s-42" % marker)
    t.wait_for("# ")
    path, arch = find_session(run, "echo " + marker)
    t.type("cat >/dev/null\r", KEY_DELAY)
    time.sleep(0.5)
    t.drain()
    arch.poll()
    total, kernel, timeouts = [], [], 0
    for i in range(count):
        time.sleep(rnd.uniform(0.10, 0.25))
        t.drain()
        arch.poll()
        want = len(arch.inp)
        ch = "abcdefghijklmnopqrstuvwxyz"[i % 26]
        t0 = time.time()
        os.write(t.fd, ch.encode())
        while len(arch.inp) <= want:
            if time.time() - t0 > KEY_TIMEOUT:
                break
            time.sleep(0.001)
            arch.poll()
            t.drain()
        t1 = time.time()
        if len(arch.inp) <= want:
            timeouts += 1
            total.append(None)
            continue
        b, tr = arch.inp[want]
        if b != ord(ch):
            sys.exit("keylat: key %d: expected %r in the archive, found %r" % (i, ch, chr(b)))
        total.append(t1 - t0)
        kernel.append(tr - t0)
    os.write(t.fd, b"\x03")
    time.sleep(0.2)
    t.logout("exit\r")
    json.dump({"file": path, "count": count, "timeouts": timeouts, "total": total,
               "kernel": kernel}, open(out, "w"))


main()
