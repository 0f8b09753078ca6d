# Shared helpers for the integration tests: checks, the lab, the attacker.
# Sourced, not run. Every check prints "PASS: what" or "FAIL: what".

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HONEYNET=$TOP/build/bin/honeynet
LAB_PUBLIC=203.0.113.10
status=0

pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; status=1; }

# check "what" command...: passes when the command exits 0.
check() {
	local what=$1
	shift
	if "$@"; then pass "$what"; else fail "$what"; fi
}

# lacks TEXT HAYSTACK: passes when HAYSTACK does not contain TEXT.
lacks() { ! grep -qF -- "$1" <<<"$2"; }

# A missing prerequisite is a failure that names it, never a skip.
require() {
	local p
	for p in "$@"; do
		case $p in
		root) [ "$(id -u)" -eq 0 ] || { fail "prerequisite: must run as root"; exit 1; } ;;
		/*) [ -e "$p" ] || { fail "prerequisite: $p is missing (run make)"; exit 1; } ;;
		*) command -v "$p" >/dev/null || { fail "prerequisite: command $p not found (run make deps)"; exit 1; } ;;
		esac
	done
}

# One lab at a time on a machine: hold this lock while using it (the
# benchmarks take it too).
lab_lock() {
	exec 9>/run/honeynet-lab.lock
	flock 9
}

# attacker CMD...: runs CMD in the guest over ssh from hn-inet, as root.
attacker() {
	ip netns exec hn-inet sshpass -p "${ROOT_PASSWORD:-root}" \
		ssh -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
		-o LogLevel=ERROR -o ConnectTimeout=10 "root@$LAB_PUBLIC" "$@"
}

# What a test must leave as it found: the root namespace's network.
root_net_snapshot() {
	{ ip -o link show | sed 's/ state [A-Z]*//'; ip route show; ip -6 route show
	  nft list ruleset 2>/dev/null; } | sed -E 's/^[0-9]+: //'
}

# No lab namespace, and no process running the guest kernel or hostd.
lab_gone() {
	! ip netns list | grep -q '^hn-' &&
	! ls -l /proc/[0-9]*/exe 2>/dev/null | grep -qE -- "$TOP/build/(linux|bin/hostd)( |$)"
}
