#!/usr/bin/env bash
# Times `gradus build` end to end on a generated ten-lesson course (scripts/site-fixture.sh):
# a cold build (no cache) and a warm rebuild after a prose edit, each repeated, medians printed.
# Then the cost of running cells in sandboxed kernels beside running them in-process (the
# benchmark-only `--in-process`), alternating in one run: the real course cold (the
# instructor's view, `--solutions`, so every cell runs), and one `gradus run` of a small lesson.
# Goals: cold < 5 s on 2 cores, warm after a prose edit < 0.5 s (docs/site.md); kernels at most
# 1.5x the in-process cold build of the course, one `gradus run` at most +50 ms (docs/sandbox.md).
# Usage: scripts/site-bench.sh [GRADUS_BINARY] [RUNS] [BASELINE_BINARY]   (default: release build in .build)
# With a baseline (another gradus, e.g. built from an older commit), the cold and warm builds
# alternate between the two binaries in one run and both medians are printed with their ratio.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
gradus=${1:-}
runs=${2:-5}
if [ -z "$gradus" ]; then
  (cd "$here" && swift build -c release --product gradus >/dev/null)
  gradus="$here/.build/release/gradus"
fi
case "$gradus" in /*) ;; *) gradus="$PWD/$gradus" ;; esac
baseline=${3:-}
if [ -n "$baseline" ]; then case "$baseline" in /*) ;; *) baseline="$PWD/$baseline" ;; esac; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$here/scripts/site-fixture.sh" "$work" 10 >/dev/null
cd "$work"

now() { date +%s%N; }
median() { sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.3f", m / 1e9 }'; }

cold=(); warm=(); base_cold=(); base_warm=()
cold_build() { # binary, array name
  rm -rf .gradus-cache site
  local start end; start=$(now); "$1" build >/dev/null 2>&1; end=$(now)
  eval "$2+=($((end - start)))"
}
warm_build() { # binary, array name, edit number
  # A prose edit: a new sentence in one lesson; no cell changes, so nothing may run.
  echo "A prose edit number $3." >> lessons/05-lesson.md
  local start end out; start=$(now); out=$("$1" build 2>&1); end=$(now)
  case "$out" in *" 0 cells run, 0 failed"*) ;; *) echo "warm build ran cells: $out" >&2; exit 1 ;; esac
  eval "$2+=($((end - start)))"
}
for _ in $(seq "$runs"); do
  cold_build "$gradus" cold
  if [ -n "$baseline" ]; then cold_build "$baseline" base_cold; fi
done
# The warm builds start from a cache the binary itself wrote (its format may differ from the baseline's).
for i in $(seq "$runs"); do
  if [ -n "$baseline" ]; then
    rm -rf .gradus-cache site; "$baseline" build >/dev/null 2>&1; warm_build "$baseline" base_warm "b$i"
  fi
  if [ -n "$baseline" ] || [ "$i" = 1 ]; then rm -rf .gradus-cache site; "$gradus" build >/dev/null 2>&1; fi
  warm_build "$gradus" warm "$i"
done

echo "gradus build, 10 generated lessons, $(nproc) cores, $runs runs each:"
echo "  cold (no cache):            $(printf '%s\n' "${cold[@]}" | median) s median (goal < 5 s)"
echo "  warm after a prose edit:    $(printf '%s\n' "${warm[@]}" | median) s median (goal < 0.5 s)"
if [ -n "$baseline" ]; then
  bc=$(printf '%s\n' "${base_cold[@]}" | median); bw=$(printf '%s\n' "${base_warm[@]}" | median)
  nc=$(printf '%s\n' "${cold[@]}" | median); nw=$(printf '%s\n' "${warm[@]}" | median)
  echo "  baseline $baseline, alternating with it:"
  echo "  cold: baseline $bc s, this $nc s ($(awk -v a="$bc" -v b="$nc" 'BEGIN { printf "%.2f", a / b }')x faster)"
  echo "  warm: baseline $bw s, this $nw s ($(awk -v a="$bw" -v b="$nw" 'BEGIN { printf "%.2f", a / b }')x faster)"
fi
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
