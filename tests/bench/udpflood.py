#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""UDP flood for tests/bench/capture.sh, run in hn-inet.

usage: udpflood.py DST PORT SECONDS MAX_PACKETS SENDERS PAYLOAD_BYTES

SENDERS processes, each with one socket (one source port, so one conntrack
entry and one NFLOG event each), sendto() DST:PORT in a tight loop until
SECONDS have passed or the senders together sent MAX_PACKETS; bounded both
ways, it stops by itself. Prints one JSON line: sent, errors (ENOBUFS and
the like: not sent), seconds (first start to last stop).
"""
import json
import os
import socket
import sys
import time


def sender(dst, port, secs, count, payload, wfd):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("0.0.0.0", 0))
    addr = (dst, port)
    send = s.sendto
    start = time.monotonic()
    end = start + secs
    sent = errors = 0
    batch = 256
    while sent + errors < count:
        for _ in range(min(batch, count - sent - errors)):
            try:
                send(payload, addr)
                sent += 1
            except OSError:
                errors += 1
        if time.monotonic() >= end:
            break
    stop = time.monotonic()
    os.write(wfd, ("%d %d %.6f %.6f\n" % (sent, errors, start, stop)).encode())
    os._exit(0)


def main():
    if len(sys.argv) != 7:
        sys.exit(__doc__)
    dst, port, secs, total, n, size = (sys.argv[1], int(sys.argv[2]), float(sys.argv[3]),
                                       int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]))
    payload = os.urandom(size)
    r, w = os.pipe()
    pids = []
    for i in range(n):
        share = total // n + (1 if i < total % n else 0)
        pid = os.fork()
        if pid == 0:
            os.close(r)
            sender(dst, port, secs, share, payload, w)
        pids.append(pid)
    os.close(w)
    for pid in pids:
        os.waitpid(pid, 0)
    lines = os.read(r, 65536).decode().split()
    rows = [lines[i:i + 4] for i in range(0, len(lines), 4)]
    if len(rows) != n:
        sys.exit("udpflood: %d of %d senders reported" % (len(rows), n))
    print(json.dumps({
        "sent": sum(int(x[0]) for x in rows),
        "errors": sum(int(x[1]) for x in rows),
        "seconds": max(float(x[3]) for x in rows) - min(float(x[2]) for x in rows),
        "senders": n,
    }))


if __name__ == "__main__":
    main()
