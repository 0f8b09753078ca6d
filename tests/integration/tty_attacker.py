"""The outside attacker at a keyboard: an ssh login with a pty, typed at human pace.

Usage: tty_attacker.py SECRET MARKER CATLINE
Runs ssh from hn-inet to the lab's public address, waits for each prompt,
and types one key at a time: a command, a secret with echo off (read -s),
a line into cat ended with Ctrl-D, then exit. Exits non-zero on a timeout.
"""
import os
import pty
import select
import sys
import time

KEY_DELAY = 0.04
TIMEOUT = 30


def spawn():
    argv = ["ip", "netns", "exec", "hn-inet", "sshpass", "-p",
            os.environ.get("ROOT_PASSWORD", "root"), "ssh", "-tt",
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            "-o", "LogLevel=ERROR", "root@203.0.113.10"]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(argv[0], argv)
    return pid, fd


def wait_for(fd, text, seen):
    deadline = time.time() + TIMEOUT
    while text.encode() not in seen[0]:
        left = deadline - time.time()
        if left <= 0:
            sys.exit("tty_attacker: timed out waiting for %r; screen so far: %r"
                     % (text, seen[0][-300:]))
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                seen[0] += os.read(fd, 4096)
            except OSError:
                sys.exit("tty_attacker: ssh closed while waiting for %r" % text)
    seen[0] = seen[0][seen[0].index(text.encode()) + len(text):]


def type_keys(fd, keys):
    for ch in keys:
        os.write(fd, ch.encode())
        time.sleep(KEY_DELAY)


def main():
    secret, marker, catline = sys.argv[1:4]
    pid, fd = spawn()
    seen = [b""]
    wait_for(fd, "# ", seen)
    type_keys(fd, "echo %s-$((6*7))\r" % marker)
    wait_for(fd, "%s-42" % marker, seen)
    wait_for(fd, "# ", seen)
    type_keys(fd, "read -s -p 'Password: ' pw; echo; echo length ${#pw}\r")
    wait_for(fd, "Password: ", seen)
    type_keys(fd, secret + "\r")
    wait_for(fd, "length %d" % len(secret), seen)
    wait_for(fd, "# ", seen)
    type_keys(fd, "cat\r")
    time.sleep(0.3)
    type_keys(fd, catline + "\r")
    time.sleep(0.3)
    type_keys(fd, "\x04")
    wait_for(fd, "# ", seen)
    type_keys(fd, "exit\r")
    _, status = os.waitpid(pid, 0)
    sys.exit(0 if os.WIFEXITED(status) else 1)


main()
