#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Each file the kernel shares with the host tools exists once, in the
# repository: no patch adds or changes one, no patch adds any file the
# repository keeps, the prepared kernel tree holds the repository's text,
# and a change to one makes the kernel build prepare the tree again.
source "$(dirname "$0")/lib.sh"
ktree=$TOP/build/kernel/src
require git make "$ktree/.honeynet-applied"

mapfile -t shared < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$TOP/patches/shared")
mapfile -t series < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$TOP/patches/series")
check "patches/shared lists the five files the kernel shares" test "${#shared[@]}" -eq 5

# Every blob the repository tracks, by git's id.
repo_blobs=$(git -C "$TOP" ls-files -s | awk '{ print $2 }' | sort -u)

# new_files PATCH: "PATH ID" for each file PATCH creates, ID the git blob
# id of its text, taken from the patch's own lines.
new_files() {
	awk '
	/^diff --git / { path = substr($4, 3); creating = 0 }
	/^new file mode / { creating = 1; out = ENVIRON["T"] "/" NR; print path, out > ENVIRON["T"] "/list" }
	/^\+\+\+ / { next }
	/^\\ No newline at end of file/ { if (creating) nonl[out] = 1; next }
	creating && /^\+/ { print substr($0, 2) > out }
	END { for (o in nonl) print o > ENVIRON["T"] "/nonl" }
	' "$1"
	[ -e "$T/nonl" ] && while read -r o; do truncate -s -1 "$o"; done < "$T/nonl"
	[ -e "$T/list" ] && while read -r path out; do
		echo "$path $(git hash-object "$out")"
	done < "$T/list"
	rm -rf "${T:?}"/*
}

# The kernel paths of the shared files, and each patch's paths.
kpaths=$(printf '%s\n' "${shared[@]}" | awk '{ print $2 }' | sort)
touched() { grep -E '^(\+\+\+ b|--- a)/' "$1" | cut -c7- | sort -u | comm -12 - <(echo "$kpaths"); }

T=$(mktemp -d)
export T
trap 'rm -rf "$T"' EXIT
all_added=
for p in "${series[@]}"; do
	f=$TOP/patches/$p
	t=$(touched "$f")
	check "$p touches no file of patches/shared${t:+: $t}" test -z "$t"
	added=$(new_files "$f")
	all_added+=$added
	while read -r path id; do
		[ -n "$path" ] || continue
		check "$p: the $path it adds is no file of the repository" \
			lacks "$id" "$repo_blobs"
	done <<<"$added"
done
check "the series adds files (so the check above sees them)" test -n "$all_added"

# With the tree up to date, only a changed shared file can be what makes
# make prepare it again.
check "the kernel tree is prepared from the current sources (make -q)" \
	make -C "$TOP" -q build/kernel/tree.stamp
for entry in "${shared[@]}"; do
	read -r repo kpath <<<"$entry"
	check "$repo is not empty" test -s "$TOP/$repo"
	check "the prepared tree's $kpath is $repo" cmp -s "$TOP/$repo" "$ktree/$kpath"
	plan=$(make -C "$TOP" -n -W "$repo" build/kernel/tree.stamp 2>&1)
	check "a changed $repo prepares the kernel tree again" \
		grep -q '^tools/kernel-prepare ' <<<"$plan"
done
exit $status
