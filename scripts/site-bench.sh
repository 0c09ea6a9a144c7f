#!/usr/bin/env bash
# Times `gradus build` end to end on a generated ten-lesson course (scripts/site-fixture.sh):
# a cold build (no cache) and a warm rebuild after a prose edit, each repeated, medians printed.
# Goals (docs/site.md): cold < 5 s on 2 cores, warm after a prose edit < 0.5 s.
# Usage: scripts/site-bench.sh [GRADUS_BINARY] [RUNS]   (default: release build in .build)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
gradus=${1:-}
runs=${2:-5}
if [ -z "$gradus" ]; then
  (cd "$here" && swift build -c release --product gradus >/dev/null)
  gradus="$here/.build/release/gradus"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$here/scripts/site-fixture.sh" "$work" 10 >/dev/null
cd "$work"

now() { date +%s%N; }
median() { sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.3f", m / 1e9 }'; }

cold=()
for _ in $(seq "$runs"); do
  rm -rf .gradus-cache site
  start=$(now); "$gradus" build >/dev/null 2>&1; end=$(now)
  cold+=($((end - start)))
done

warm=()
for i in $(seq "$runs"); do
  # A prose edit: a new sentence in one lesson; no cell changes, so nothing may run.
  echo "A prose edit number $i." >> lessons/05-lesson.md
  start=$(now); out=$("$gradus" build 2>&1); end=$(now)
  case "$out" in *" 0 cells run, 0 failed"*) ;; *) echo "warm build ran cells: $out" >&2; exit 1 ;; esac
  warm+=($((end - start)))
done

echo "gradus build, 10 generated lessons, $(nproc) cores, $runs runs each:"
echo "  cold (no cache):            $(printf '%s\n' "${cold[@]}" | median) s median (goal < 5 s)"
echo "  warm after a prose edit:    $(printf '%s\n' "${warm[@]}" | median) s median (goal < 0.5 s)"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs "$runs" --prepare 'echo "edit" >> lessons/05-lesson.md' "$gradus build"
fi
