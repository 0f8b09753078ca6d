"""Keystroke-to-archive latency: an ssh pty session typed into at human pace.

Usage: keylat.py RUN_DIR COUNT OUT.json
Logs in over ssh with a pty from hn-inet (as tests/integration/tty_attacker.py),
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
import pty
import random
import select
import struct
import sys
import time
import zlib

TIMEOUT = 30
KEY_TIMEOUT = 5.0


def spawn():
    argv = ["ip", "netns", "exec", "hn-inet", "sshpass", "-p",
            os.environ.get("ROOT_PASSWORD", "root"), "ssh", "-tt",
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            "-o", "LogLevel=ERROR", "root@203.0.113.10"]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(argv[0], argv)
    os.set_blocking(fd, False)
    return pid, fd


def drain(fd, seen):
    while True:
        try:
            b = os.read(fd, 65536)
        except BlockingIOError:
            return
        except OSError:
            sys.exit("keylat: ssh closed")
        if not b:
            return
        seen[0] = (seen[0] + b)[-65536:]


def wait_for(fd, text, seen):
    deadline = time.time() + TIMEOUT
    while text.encode() not in seen[0]:
        if time.time() > deadline:
            sys.exit("keylat: timed out waiting for %r; screen: %r" % (text, seen[0][-300:]))
        select.select([fd], [], [], 0.1)
        drain(fd, seen)
    seen[0] = seen[0][seen[0].index(text.encode()) + len(text):]


def type_keys(fd, keys):
    for ch in keys:
        os.write(fd, ch.encode())
        time.sleep(0.03)


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
    pid, fd = spawn()
    seen = [b""]
    wait_for(fd, "# ", seen)
    type_keys(fd, "echo %s-$((6*7))\r" % marker)
    wait_for(fd, "%s-42" % marker, seen)
    wait_for(fd, "# ", seen)
    path, arch = find_session(run, "echo " + marker)
    type_keys(fd, "cat >/dev/null\r")
    time.sleep(0.5)
    drain(fd, seen)
    arch.poll()
    total, kernel, timeouts = [], [], 0
    for i in range(count):
        time.sleep(rnd.uniform(0.10, 0.25))
        drain(fd, seen)
        arch.poll()
        want = len(arch.inp)
        ch = "abcdefghijklmnopqrstuvwxyz"[i % 26]
        t0 = time.time()
        os.write(fd, ch.encode())
        while len(arch.inp) <= want:
            if time.time() - t0 > KEY_TIMEOUT:
                break
            time.sleep(0.001)
            arch.poll()
            drain(fd, seen)
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
    os.write(fd, b"\x03")
    time.sleep(0.2)
    type_keys(fd, "exit\r")
    deadline = time.time() + 10
    done = 0
    while not done and time.time() < deadline:
        try:
            os.read(fd, 65536)	# ssh's last words; EIO once it has gone
        except BlockingIOError:
            pass
        except OSError:
            pass
        done, _ = os.waitpid(pid, os.WNOHANG)
        time.sleep(0.05)
    if not done:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    json.dump({"file": path, "count": count, "timeouts": timeouts, "total": total,
               "kernel": kernel}, open(out, "w"))


main()
