#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Writes the seed inputs of the nflog, persona and ttyreplay fuzz corpora.

Usage: gen-seeds-more.py nflog|persona|ttyreplay DIR. Each input is made
here with struct and zlib, from the formats, independently of the code the
target runs (fuzz_nflog.c, fuzz_persona.c, fuzz_ttyreplay.c say the
layouts).
"""
import os
import struct
import sys


def tlv(typ, value):
    raw = struct.pack("=HH", 4 + len(value), typ) + value
    return raw + b"\0" * (-len(raw) % 4)


def ipv4(proto, l4, src=b"\x0a\x00\x00\x02", dst=b"\xcb\x00\x71\xc8", frag=0):
    return struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(l4), 0, frag, 64,
                       proto, 0, src, dst) + l4


def ipv6(nxt, l4):
    return struct.pack("!IHBB16s16s", 0x60000000, len(l4), nxt, 64,
                       b"\xfe\x80" + b"\0" * 13 + b"\x02",
                       b"\x20\x01\x0d\xb8" + b"\0" * 11 + b"\x01") + l4


def nflog(prefix, packet, ts=None):
    m = struct.pack("!BBH", 2, 0, 5) + tlv(10, prefix + b"\0")
    if ts is not None:
        m += tlv(3, struct.pack("!QQ", ts, 0))
    return m + tlv(9, packet)


def msgs(*ms):
    return b"".join(struct.pack("<H", len(m)) + m for m in ms)


def nflog_seeds():
    tcp = struct.pack("!HHIIBBHHH", 40000, 80, 1, 0, 0x50, 2, 1024, 0, 0)
    udp = struct.pack("!HHHH", 40001, 53, 12, 0) + b"dns?"
    icmp = struct.pack("!BBHHH", 8, 0, 0, 1, 1)
    return {
        "tcp-out": msgs(nflog(b"hn out tcp allow", ipv4(6, tcp))),
        "limits": msgs(*[nflog(b"hn out tcp allow", ipv4(6, tcp))] * 4,
                       nflog(b"hn out tcp drop", ipv4(6, tcp))),
        "dns-udp-icmp": msgs(nflog(b"hn out dns allow", ipv4(17, udp)),
                             nflog(b"hn out udp allow", ipv4(17, udp)),
                             nflog(b"hn out icmp allow", ipv4(1, icmp), ts=1795845600)),
        "in-blocked": msgs(nflog(b"hn in tcp allow", ipv4(6, tcp)),
                           nflog(b"hn in unfiltered drop", ipv4(17, udp)),
                           nflog(b"hn out wall drop", ipv4(6, tcp)),
                           nflog(b"hn out stray drop", ipv4(47, b"gre!"))),
        "ipv6": msgs(nflog(b"hn out tcp allow", ipv6(6, tcp)),
                     nflog(b"hn out icmp allow", ipv6(58, icmp))),
        "fragment": msgs(nflog(b"hn out other drop", ipv4(6, b"", frag=0x0010))),
        "unparsed": msgs(nflog(b"OUTG CONN TCP: ", ipv4(6, tcp)),
                         nflog(b"hn out tcp allow", b"\x45\x00"),
                         b"\x02\x00\x00\x05\x08\x00"),
    }


def rule(op, a, b=None):
    r = bytes([op, len(a)]) + a
    return r + (bytes([len(b)]) + b if b is not None else b"")


def filt(nul, rules, cap, content):
    return bytes([(len(rules) << 1) | nul]) + b"".join(rules) + bytes([cap]) + content


def persona_seeds():
    # op byte % 4: 0 delete, 1 delete-prefix, 2 replace, 3 append
    maps = (b"55d0c0a00000-55d0c0a01000 r--p 00000000 08:01 1 /usr/bin/cat\n"
            b"7f0000000000-7f0000001000 r-xp 00000000 00:00 0 /tmp/uml-x (deleted)\n"
            b"7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0 [stack]")
    environ = b"PATH=/usr/bin\0UML_PORT=1\0HOME=/root\0"
    return {
        "maps": filt(0, [rule(0, b"uml"), rule(2, b"08:01", b"fd:00"),
                         rule(3, b"ffffffffff600000-ffffffffff601000 --xp [vsyscall]")], 255, maps),
        "environ": filt(1, [rule(1, b"UML_"), rule(2, b"root", b"home")], 20, environ),
        "overlap": filt(0, [rule(2, b"aab", b"b"), rule(2, b"ab", b"aab"), rule(0, b"aaab")], 7,
                        b"aaab\naabaab\nab\naaaaab\n"),
        "empty": filt(0, [rule(2, b"", b"x"), rule(3, b"")], 0, b"x\n\ny"),
    }


def ttyrec(op, tty, data=b"", dir=2):
    return struct.pack("<IIIIII", op, tty, len(data), dir, 1795845600, 5) + data


def ttyreplay_seeds():
    session = (ttyrec(1, 1, dir=0) + ttyrec(3, 1, b"ls -la\r", 1) + ttyrec(3, 2, b"other", 2) +
               ttyrec(4, 1, b"/bin/ls ls -la", 3) + ttyrec(3, 1, b"total 0\r\n", 2) +
               ttyrec(2, 1, dir=0) + ttyrec(3, 1, b"after close", 2))
    return {
        "plain": b"\x00" + session,
        "gzip": b"\x01" + session,
        "cut": b"\x82" + session,
        "flipped": b"\x83" + session,
        "bad-header": b"\x01" + ttyrec(3, 1, b"x") + ttyrec(9, 1, b"y"),
        "cut-payload": b"\x00" + ttyrec(3, 1, b"whole") + ttyrec(3, 1, b"cut")[:-1],
    }


def main():
    seeds = {"nflog": nflog_seeds, "persona": persona_seeds,
             "ttyreplay": ttyreplay_seeds}[sys.argv[1]]()
    os.makedirs(sys.argv[2], exist_ok=True)
    for name, data in seeds.items():
        with open(os.path.join(sys.argv[2], "seed-" + name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
