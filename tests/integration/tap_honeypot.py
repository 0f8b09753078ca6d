# SPDX-License-Identifier: GPL-2.0
"""A stand-in honeypot on the lab's tap0, for when the guest is gone.

Usage: tap_honeypot.py WALL_MAC COUNT FIRST_PORT
Opens tap0 (run inside hn-wall) and sends COUNT TCP SYNs from the guest's
address 10.0.0.2 to 203.0.113.200, to ports FIRST_PORT.., as the guest
would: each a new connection for the honeywall's limits.
"""
import errno
import fcntl
import os
import socket
import struct
import sys
import time

TUNSETIFF = 0x400454CA
IFF_TAP, IFF_NO_PI = 0x0002, 0x1000


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    s = (s >> 16) + (s & 0xFFFF)
    s += s >> 16
    return ~s & 0xFFFF


def syn(src, dst, sport, dport):
    tcp = struct.pack("!HHIIBBHHH", sport, dport, 1, 0, 5 << 4, 0x02, 64240, 0, 0)
    pseudo = struct.pack("!4s4sBBH", src, dst, 0, 6, len(tcp))
    tcp = tcp[:16] + struct.pack("!H", checksum(pseudo + tcp)) + tcp[18:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp), 1, 0, 64, 6, 0, src, dst)
    ip = ip[:10] + struct.pack("!H", checksum(ip)) + ip[12:]
    return ip + tcp


def attach(name):
    """The dead guest's last host processes may hold the tap a while yet."""
    deadline = time.time() + 15
    while True:
        fd = os.open("/dev/net/tun", os.O_RDWR)
        try:
            fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", name.encode(), IFF_TAP | IFF_NO_PI))
            return fd
        except OSError as e:
            os.close(fd)
            if e.errno != errno.EBUSY or time.time() > deadline:
                raise
            time.sleep(0.2)


def main():
    wall_mac = bytes.fromhex(sys.argv[1].replace(":", ""))
    count, first = int(sys.argv[2]), int(sys.argv[3])
    fd = attach("tap0")
    src, dst = socket.inet_aton("10.0.0.2"), socket.inet_aton("203.0.113.200")
    guest_mac = bytes.fromhex("525400000002")
    for i in range(count):
        frame = wall_mac + guest_mac + b"\x08\x00" + syn(src, dst, 40000 + i, first + i)
        os.write(fd, frame)
        time.sleep(0.05)
    os.close(fd)


main()
