#!/usr/bin/env bash
# Times `gradus build` end to end on a generated ten-lesson course (scripts/site-fixture.sh):
# a cold build (no cache) and a warm rebuild after a prose edit, each repeated, medians printed.
# Then the cost of running cells in sandboxed kernels beside running them in-process (the
# benchmark-only `--in-process`), alternating in one run: the real course cold (the
# instructor's view, `--solutions`, so every cell runs), and one `gradus run` of a small lesson.
# Goals: cold < 5 s on 2 cores, warm after a prose edit < 0.5 s (docs/site.md); kernels at most
# 1.5x the in-process cold build of the course, one `gradus run` at most +50 ms (docs/sandbox.md).
# Usage: scripts/site-bench.sh [GRADUS_BINARY] [RUNS]   (default: release build in .build)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
gradus=${1:-}
runs=${2:-5}
if [ -z "$gradus" ]; then
  (cd "$here" && swift build -c release --product gradus >/dev/null)
  gradus="$here/.build/release/gradus"
fi
case "$gradus" in /*) ;; *) gradus="$PWD/$gradus" ;; esac
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
# Kernels against in-process, alternating so load drifts hit both alike.
cp -r "$here/lessons" course
kernel=(); inprocess=()
for _ in $(seq "$runs"); do
  rm -rf course-cache; start=$(now); "$gradus" build --lessons course --out course-site --no-cache --solutions >/dev/null 2>&1; end=$(now)
  kernel+=($((end - start)))
  start=$(now); "$gradus" build --lessons course --out course-site --no-cache --solutions --in-process >/dev/null 2>&1; end=$(now)
  inprocess+=($((end - start)))
done
printf '```swift\nlet xs = (1...10).map { Double($0) * 0.5 }\nprint(xs.reduce(0, +))\n```\n' > one.md
run_kernel=(); run_inprocess=()
for _ in $(seq $((runs * 4))); do
  start=$(now); "$gradus" run one.md >/dev/null; end=$(now); run_kernel+=($((end - start)))
  start=$(now); "$gradus" run one.md --in-process >/dev/null; end=$(now); run_inprocess+=($((end - start)))
done
k=$(printf '%s\n' "${kernel[@]}" | median); i=$(printf '%s\n' "${inprocess[@]}" | median)
rk=$(printf '%s\n' "${run_kernel[@]}" | median); ri=$(printf '%s\n' "${run_inprocess[@]}" | median)
echo "kernels beside in-process, the course in lessons/ ($(ls course/*.md | wc -l) lessons), cold:"
echo "  kernels: $k s, in-process: $i s, ratio $(awk -v a="$k" -v b="$i" 'BEGIN { printf "%.2f", a / b }')x (goal <= 1.5x)"
echo "  one gradus run: kernel $rk s, in-process $ri s, +$(awk -v a="$rk" -v b="$ri" 'BEGIN { printf "%.0f", (a - b) * 1000 }') ms (goal <= +50 ms)"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs "$runs" --prepare 'echo "edit" >> lessons/05-lesson.md' "$gradus build"
fi
