#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# timeout: 900
# The patch workflow: tools/kernel-patches makes a git tree of the series
# (make kernel-tree) and writes patches/ back from it (make refresh-patches)
# byte for byte when nothing changed; an edit made in the tree lands in its
# patch alone; a patch that changes a shared file is refused. The test keeps
# its own tree (build/tests/kernel-tree, made once, ~1 min), never a
# developer's build/kernel-tree.
source "$(dirname "$0")/lib.sh"
tarball=/usr/src/linux-source-6.1.tar.xz
tree=$TOP/build/tests/kernel-tree
kp=$TOP/tools/kernel-patches
require git "$tarball"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@invalid
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@invalid

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mapfile -t series < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$TOP/patches/series")
g() { git -C "$tree" "$@"; }

# expect_refused WHY CMD...: CMD fails, saying WHY (a regex), and writes
# nothing in its last argument's directory.
expect_refused() {
	local why=$1 out
	shift
	out=$("$@" 2>&1) && return 1
	echo "    $out"
	grep -q -- "$why" <<<"$out" && [ -z "$(ls -A "${@: -1}")" ]
}

# Whatever an earlier run left in the test's tree goes: it is nobody's work.
if [ -d "$tree/.git" ]; then
	g rebase --abort >/dev/null 2>&1 || true
	g reset -q --hard refs/honeynet/made 2>/dev/null || true
fi
check "kernel-patches tree makes $tree from the series" \
	nice "$kp" tree "$tarball" "$tree" "$TOP/patches"
check "the tree has the shared files' commit, then one commit a patch" \
	test "$(g rev-list --count refs/honeynet/base..HEAD)" -eq $((${#series[@]} + 1))
# subject FILE: a patch's subject, unfolded (format-patch folds a long one
# onto lines that start with a space).
subject() {
	awk '/^Subject: \[PATCH\] / { s = substr($0, 18); on = 1; next }
		on && /^ / { s = s $0; next }
		on { print s; exit }' "$1"
}
check "each patch's commit has its subject, in series order" test \
	"$(g log --reverse --format=%s refs/honeynet/base..HEAD | tail -n +2)" = \
	"$(for p in "${series[@]}"; do subject "$TOP/patches/$p"; done)"

mkdir "$T/out"
check "kernel-patches refresh writes the tree back" "$kp" refresh "$tree" "$TOP/patches" "$T/out"
check "refresh writes a patch for each of series" \
	test "$(find "$T/out" -name '*.patch' | wc -l)" -eq "${#series[@]}"
check "refresh writes series as it is" cmp "$TOP/patches/series" "$T/out/series"
for p in "${series[@]}"; do
	check "refresh reproduces $p byte for byte" cmp "$TOP/patches/$p" "$T/out/$p"
done

# An edit in the tree, as CONTRIBUTING says: a fixup commit folded into the
# last patch's commit.
last=${series[-1]}
file=$(sed -n 's|^+++ b/||p' "$TOP/patches/$last" | head -n 1)
echo "/* an edit */" >> "$tree/$file"
g commit -q -a --fixup=HEAD
GIT_SEQUENCE_EDITOR=: g rebase -q -i --autosquash HEAD~2
mkdir "$T/edit"
"$kp" refresh "$tree" "$TOP/patches" "$T/edit"
check "an edit of $file reaches $last" grep -qxF '+/* an edit */' "$T/edit/$last"
for p in "${series[@]:0:${#series[@]}-1}"; do
	check "the edit leaves $p as it was" cmp "$TOP/patches/$p" "$T/edit/$p"
done
g reset -q --hard refs/honeynet/made

# A patch must not change a file the repository keeps.
kpath=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$TOP/patches/shared" | awk 'NR == 1 { print $2 }')
echo "/* an edit */" >> "$tree/$kpath"
g commit -q -a -m "touches $kpath"
mkdir "$T/shared"
check "refresh refuses a patch that changes $kpath" expect_refused \
	'a patch changes .*: edit .* instead' "$kp" refresh "$tree" "$TOP/patches" "$T/shared"
g reset -q --hard refs/honeynet/made

# Nor an edit of the shared files' commit: their text is the repository's.
echo "/* an edit */" >> "$tree/$kpath"
g commit -q -a --fixup=refs/honeynet/shared
GIT_SEQUENCE_EDITOR=: g rebase -q -i --autosquash refs/honeynet/base
check "refresh refuses a changed shared files' commit" expect_refused \
	'edit the files in the repository instead' "$kp" refresh "$tree" "$TOP/patches" "$T/shared"
g reset -q --hard refs/honeynet/made
exit $status
