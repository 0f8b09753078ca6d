#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Writes the seed inputs of the hostd fuzz corpus (tests/fuzz/corpus).

Each input is one byte choosing how the fuzz target chunks the rest
(0 whole, 1 single bytes, 2..7 random sizes up to 4^n), then a TTY log
stream made here with struct and zlib.crc32, independently of hostd.
"""
import os
import struct
import sys
import zlib

T0 = 1795844712_000000000


def rec(typ, session, payload=b"", dir=0, t=T0, version=1, magic=0x4C544E48):
    hdr = struct.pack("<IHHIIQB3sI", magic, version, typ, session,
                      len(payload), t, dir, b"\0\0\0", 0)
    crc = zlib.crc32(hdr + payload) & 0xFFFFFFFF
    return hdr[:28] + struct.pack("<I", crc) + payload


def opn(s, name, parent=0, name_len=None):
    nl = len(name) if name_len is None else name_len
    return rec(1, s, struct.pack("<IIII", parent, 136, s, nl) + name)


def data(s, d, dir=2):
    return rec(3, s, d, dir=dir)


def close(s):
    return rec(2, s)


def exe(s, fn, argv, fl=None, al=None, trunc=0):
    a = b"".join(x + b"\0" for x in argv)
    fl = len(fn) if fl is None else fl
    al = len(a) if al is None else al
    return rec(4, s, struct.pack("<IIIIIIIB3s", 4242, 1, 0, 0, fl, al,
                                 len(argv), trunc, b"\0\0\0") + fn + a)


def loss(r, b):
    return rec(6, 0, struct.pack("<QQ", r, b))


def session(s=1):
    return (opn(s, b"pts/0") + data(s, b"id\r", 1) + data(s, b"uid=0(root)\r\n")
            + exe(s, b"/usr/bin/id", [b"id"]) + rec(5, s) + close(s))


seeds = {
    "session": session(),
    "every-type": session(2) + loss(3, 99) + rec(9, 1, b"x"),
    "max-payload": opn(1, b"ttyS0") + data(1, b"A" * 4096) + close(1),
    "over-max-len": opn(1, b"tty0") + rec(3, 1, b"B" * 4097, dir=2) + close(1),
    "bad-crc": session()[:40] + b"\xff" + session()[41:],
    "bad-version": rec(1, 1, b"", version=2) + session(),
    "garbage-then-session": b"HNTLHNT\0garbage" * 3 + session(),
    "truncated": session()[:-5],
    "weird-names": opn(1, b"../../x\xff\x00/\n") + opn(2, b"", name_len=900)
                   + opn(3, b"a" * 64) + data(4, b"orphan") + close(9),
    "dup-open": opn(1, b"pts/1") + opn(1, b"pts/1") + close(1) + close(1),
    "exec-weird": exe(0, b"/bin/\xc3\x28sh\0", [b"\x01\x7f", b"\xf4\x90\x80\x80", b""],
                      trunc=1) + exe(1, b"x", [b"y"], fl=9999, al=1)
                  + exe(1, b"", [], al=3072),
    "bad-dir": opn(1, b"pts/0") + data(1, b"x", dir=0) + data(1, b"y", dir=7),
    "loss-short": rec(6, 0, b"\1\2\3") + rec(6, 0, b"\0" * 20),
    "short-open": rec(1, 5, b"\1\2") + rec(4, 5, b"\0" * 31),
    "session-flood": b"".join(opn(i, b"pts/%d" % i) for i in range(1, 20)),
    "session-flood-data": b"".join(data(i, b"x") for i in range(1, 20)),
    "reused-id": session(7) + session(7) + session(7),
    # Sessions held open past the table (16 in the fuzz builds): the least
    # active are evicted, then records of evicted ones arrive.
    "evicted-later": b"".join(opn(i, b"pts/%d" % i) for i in range(1, 21))
                     + data(1, b"busy") + opn(21, b"pts/21") + data(2, b"back")
                     + close(3) + rec(5, 4) + data(3, b"late") + close(2) + data(2, b"x"),
}

out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "corpus")
os.makedirs(out, exist_ok=True)
for name, stream in seeds.items():
    for mode in (0, 1, 5):
        with open(os.path.join(out, "seed-%s-%d" % (name, mode)), "wb") as f:
            f.write(bytes([mode]) + stream)
