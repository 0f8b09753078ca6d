# SPDX-License-Identifier: GPL-2.0
"""The outside attacker at a terminal: an ssh login with a pty from hn-inet, read and typed into.

Shared by tests/integration/tty_attacker.py and tests/bench/keylat.py.
Every failure exits with a message that names the caller (who) and what
the screen showed last.
"""
import os
import pty
import select
import sys
import time

TIMEOUT = 30
LOGOUT_TIMEOUT = 10
SCREEN_KEEP = 65536	# bytes of the screen kept for wait_for and messages


class Login:
    """ssh -tt root@ the lab's public address, on a pty whose master we hold (non-blocking)."""

    def __init__(self, who):
        self.who = who
        self.seen = b""
        argv = ["ip", "netns", "exec", "hn-inet", "sshpass", "-p",
                os.environ.get("ROOT_PASSWORD", "root"), "ssh", "-tt",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "LogLevel=ERROR", "root@203.0.113.10"]
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execvp(argv[0], argv)
        os.set_blocking(self.fd, False)

    def drain(self):
        """Reads what the screen shows now; exits if ssh has gone."""
        while True:
            try:
                b = os.read(self.fd, 65536)
            except BlockingIOError:
                return
            except OSError:
                sys.exit("%s: ssh closed; screen: %r" % (self.who, self.seen[-300:]))
            if not b:
                return
            self.seen = (self.seen + b)[-SCREEN_KEEP:]

    def wait_for(self, text):
        """Waits until the screen shows text; what came before it is consumed."""
        deadline = time.time() + TIMEOUT
        while text.encode() not in self.seen:
            if time.time() > deadline:
                sys.exit("%s: timed out waiting for %r; screen so far: %r"
                         % (self.who, text, self.seen[-300:]))
            select.select([self.fd], [], [], 0.1)
            self.drain()
        self.seen = self.seen[self.seen.index(text.encode()) + len(text):]

    def type(self, keys, delay):
        """Types keys one at a time, delay seconds apart."""
        for ch in keys:
            os.write(self.fd, ch.encode())
            time.sleep(delay)

    def logout(self, keys):
        """Types keys (an exit), reads ssh's last words until it exits; kills it after LOGOUT_TIMEOUT s. Returns its wait status."""
        os.write(self.fd, keys.encode())
        deadline = time.time() + LOGOUT_TIMEOUT
        while time.time() < deadline:
            try:
                os.read(self.fd, 65536)
            except OSError:
                pass	# nothing yet (EAGAIN), or EIO once ssh has gone
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                return status
            time.sleep(0.05)
        os.kill(self.pid, 9)
        return os.waitpid(self.pid, 0)[1]
