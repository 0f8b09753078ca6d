# SPDX-License-Identifier: GPL-2.0
# Sourced: runs a kernel of ours as it must be run outside hostd's jail.
# Patch 0005 makes the kernel refuse the host's root and any capability,
# so tests that boot it by hand use the lab's jail uid (hostd --jail-uid,
# tools/honeynet/lab/lab_defs.h), with no capabilities and no_new_privs.
HN_JAIL_UID=64200

# "${HN_UNPRIV[@]}" CMD...: CMD as HN_JAIL_UID/HN_JAIL_UID, no groups, no capabilities.
HN_UNPRIV=(setpriv --reuid="$HN_JAIL_UID" --regid="$HN_JAIL_UID" --clear-groups
	--inh-caps=-all --bounding-set=-all --no-new-privs)

unpriv() { "${HN_UNPRIV[@]}" "$@"; }
