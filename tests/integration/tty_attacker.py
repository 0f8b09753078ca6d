# SPDX-License-Identifier: GPL-2.0
"""The outside attacker at a keyboard: an ssh login with a pty, typed at human pace.

Usage: tty_attacker.py SECRET MARKER CATLINE
Runs ssh from hn-inet to the lab's public address, waits for each prompt,
and types one key at a time: a command, a secret with echo off (read -s),
a line into cat ended with Ctrl-D, then exit. Exits non-zero on a timeout.
"""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from attacker_pty import Login  # noqa: E402

KEY_DELAY = 0.04


def main():
    secret, marker, catline = sys.argv[1:4]
    t = Login("tty_attacker")
    t.wait_for("# ")
    t.type("echo %s-$((6*7))\r" % marker, KEY_DELAY)
    t.wait_for("%s-42" % marker)
    t.wait_for("# ")
    t.type("read -s -p 'Password: ' pw; echo; echo length ${#pw}\r", KEY_DELAY)
    t.wait_for("Password: ")
    t.type(secret + "\r", KEY_DELAY)
    t.wait_for("length %d" % len(secret))
    t.wait_for("# ")
    t.type("cat\r", KEY_DELAY)
    time.sleep(0.3)
    t.type(catline + "\r", KEY_DELAY)
    time.sleep(0.3)
    t.type("\x04", KEY_DELAY)
    t.wait_for("# ")
    status = t.logout("exit\r")
    sys.exit(0 if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 else 1)


main()
