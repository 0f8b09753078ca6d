#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Count a capture's records for tests/bench/capture.sh.

usage: pcapcount.py DST_IP DST_PORT FILE...

FILEs are classic pcap (either byte order, Ethernet link type), plain or
gzip'd (also a cut-off gzip: read up to the cut). Prints one JSON line:
packets (all records), flood (IPv4 UDP to DST_IP:DST_PORT), files,
truncated (files that ended inside a record or a gzip member).
"""
import gzip
import json
import socket
import struct
import sys
import zlib


def chunks(path):
    with open(path, "rb") as f:
        magic = f.read(2)
        f.seek(0)
        if magic != b"\x1f\x8b":
            while True:
                b = f.read(1 << 20)
                if not b:
                    return
                yield b
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        while True:
            b = f.read(1 << 20)
            if not b:
                if not d.eof:
                    raise EOFError(path)
                return
            yield d.decompress(b)


def count(path, dst, port):
    buf = b""
    packets = flood = 0
    endian = None
    truncated = False
    it = chunks(path)
    try:
        for c in it:
            buf += c
            pos = 0
            if endian is None:
                if len(buf) < 24:
                    continue
                m = buf[:4]
                endian = "<" if m in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
                link = struct.unpack_from(endian + "I", buf, 20)[0]
                if link != 1:
                    sys.exit("pcapcount: %s: link type %d, not Ethernet" % (path, link))
                hdr = struct.Struct(endian + "IIII")
                pos = 24
            n = len(buf)
            unpack = hdr.unpack_from
            while pos + 16 <= n:
                caplen = unpack(buf, pos)[2]
                end = pos + 16 + caplen
                if end > n:
                    break
                p = pos + 16
                packets += 1
                # Ethernet IPv4, UDP, destination address and port.
                if (caplen >= 38 and buf[p + 12:p + 14] == b"\x08\x00"
                        and buf[p + 23] == 17 and buf[p + 30:p + 34] == dst):
                    ihl = (buf[p + 14] & 15) * 4
                    q = p + 14 + ihl
                    if q + 4 <= end and buf[q + 2:q + 4] == port:
                        flood += 1
                pos = end
            buf = buf[pos:]
    except EOFError:
        truncated = True
    if buf:
        truncated = True
    return packets, flood, truncated


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    dst = socket.inet_aton(sys.argv[1])
    port = struct.pack(">H", int(sys.argv[2]))
    total = {"packets": 0, "flood": 0, "files": 0, "truncated": 0}
    for path in sys.argv[3:]:
        p, f, t = count(path, dst, port)
        total["packets"] += p
        total["flood"] += f
        total["files"] += 1
        total["truncated"] += int(t)
    print(json.dumps(total))


if __name__ == "__main__":
    main()
