#!/bin/sh
# Loads every golden ruleset into a throwaway namespace: `nft -c -f`, then
# `nft -f` (each replacing the last, as a reload would), then removes both
# tables. Needs root and nftables; never touches the root namespace's firewall.
set -eu
cd "$(dirname "$0")"
ns=dc-test-golden-$$
ip netns add "$ns"
trap 'ip netns del "$ns"' EXIT
ip -n "$ns" link set lo up
for f in *.nft; do
	ip netns exec "$ns" nft -c -f "$f"
	ip netns exec "$ns" nft -f "$f"
	echo "loaded $f: $(ip netns exec "$ns" nft list tables | tr '\n' ' ')"
done
printf 'table inet honeynet_dc\ndelete table inet honeynet_dc\ntable bridge honeynet_dc_br\ndelete table bridge honeynet_dc_br\n' |
	ip netns exec "$ns" nft -f -
[ -z "$(ip netns exec "$ns" nft list tables)" ]
echo "removed: no tables left"
