#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The C build: a second make with nothing changed does nothing, a header's
# change rebuilds exactly the objects that include it, and each source is
# compiled once per flavour, one per compiler call, binaries linked from
# objects. Asks make with -n (and -W for "this header changed"), so it
# rebuilds nothing; MAKE=true keeps the kernel's recursive make from running
# even then (make runs $(MAKE) lines under -n).
# timeout: 300
set -uo pipefail
source "$(dirname "$0")/lib.sh"
require make git python3 "$TOP/build/bin/hostd" "$TOP/build/obj"
cd "$TOP" || exit 1
# Run from make check, the outer make's flags (jobserver, -n) are not ours.
unset MAKEFLAGS MFLAGS MAKELEVEL

dry() { make -n --no-print-directory MAKE=true "$@" 2>&1; }

would=$(dry all unit-bins | grep -vE "^make: (Nothing to be done for|'.*' is up to date)")
check "a second make with nothing changed has nothing to do" test -z "$would"
[ -z "$would" ] || echo "it would run: $(head -n 5 <<<"$would")"

# For each header, make -n -W HEADER over every object that is up to date:
# the objects it would rebuild must be those whose source includes HEADER,
# directly or through other headers, as the sources' #include lines say
# (not the dependency files the build writes). An include resolves to the
# file beside the includer, else to the one header of that name; where two
# headers share a name (the include path decides), the object must be
# rebuilt if both candidates would count, and may be if either would.
T=$(mktemp -d /tmp/build-incremental-XXXXXX)
trap 'rm -rf "$T"' EXIT
git ls-files -- '*.c' '*.h' ':!patches' >"$T/sources"
check "a change to any header rebuilds exactly the objects that include it" \
	python3 - "$T/sources" <<'PY'
import os, re, subprocess, sys
sources = open(sys.argv[1]).read().split()

def rebuilt(*args):
    out = subprocess.run(['make', '-n', '--no-print-directory', 'MAKE=true'] + list(args),
                         capture_output=True, text=True).stdout
    return set(re.findall(r' -c -o (\S+)\.tmp ', out))

def source(o):
    return re.sub(r'^build/obj/[^/]+/', '', o)[:-2] + '.c'

# The objects that are up to date: not those of a source since moved, nor
# one older than its source (make fuzz's flavours, which make check does
# not build).
objects = {os.path.join(d, f) for d, _, fs in os.walk('build/obj') for f in fs
           if f.endswith('.o') and os.path.exists(source(os.path.join(d, f)))}
objects = sorted(objects - rebuilt(*objects))
headers = [f for f in sources if f.endswith('.h')]
inc = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)

def resolve(f, name):
    beside = os.path.normpath(os.path.join(os.path.dirname(f), name))
    if beside in headers:
        return [beside]
    return [h for h in headers if os.path.basename(h) == os.path.basename(name)]

edges = {f: [resolve(f, n) for n in inc.findall(open(f, errors='replace').read())]
         for f in sources}

def includers(h, sure):
    """Sources that include h; sure: count an ambiguous include only if all
    its candidates are reached, else if any is."""
    seen, grew = {h}, True
    while grew:
        grew = False
        for f, incs in edges.items():
            if f in seen:
                continue
            if any(c and (all if sure else any)(x in seen for x in c) for c in incs):
                seen.add(f)
                grew = True
    return {f for f in seen if f.endswith('.c')}

def objs_of(srcs):
    return {o for o in objects if source(o) in srcs}

bad = 0
for h in headers:
    got = rebuilt('-W', h, *objects)
    must, may = objs_of(includers(h, True)), objs_of(includers(h, False))
    if not must <= got <= may:
        bad += 1
        print('%s: rebuilds %d objects; missing: %s; extra: %s' %
              (h, len(got), ' '.join(sorted(must - got)[:5]), ' '.join(sorted(got - may)[:5])))
print('%d headers, %d objects, %d wrong' % (len(headers), len(objects), bad))
sys.exit(bad != 0 or len(headers) < 10 or not objects)
PY

# A build from nothing, into a scratch build directory (dry: only printed).
dry B="$T/scratch" programs unit-bins >"$T/clean"
# The compiler's calls: each writes -o NAME.tmp (ar, the archives, does not).
grep -E ' -o [^ ]+\.tmp ' "$T/clean" >"$T/cc"
check "a build from nothing runs the compiler (dry run has $(wc -l <"$T/cc") calls)" test -s "$T/cc"
check "each compiler call compiles one source with -c, or links objects and no source" \
	python3 - "$T/cc" <<'PY'
import sys
for line in open(sys.argv[1]):
    words = line.split('&&')[0].split()
    srcs = [w for w in words if w.endswith('.c')]
    if len(srcs) > 1 or (srcs and '-c' not in words):
        sys.exit('compiles %s in one call: %s' % (srcs, line[:200]))
PY
objs=$(sed -nE 's/.* -c -o ([^ ]+)\.tmp .*/\1/p' "$T/cc" | sed "s|^$T/scratch/obj/||")
check "each source is compiled once per flavour ($(wc -l <<<"$objs") objects)" \
	test -z "$(sort <<<"$objs" | uniq -d)"
exit $status
