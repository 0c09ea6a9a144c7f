#!/usr/bin/env bash
# Benchmark of `gradus grade`: 500 generated submissions of a lesson with 3 exercises, graded end
# to end by the release build, one worker per core, with the default adaptive limits (20 times the
# key's time per test, at least 1 s, at most 5 s) and again with --fixed-limits (5 s per test).
# The mix, by submission number modulo 100: 60 correct, 20 with one exercise wrong, 4 with all
# wrong, 2 whose momentum loops forever, and 14 malformed (empty, not UTF-8, missing, no exercise,
# unparsable front matter, over 1 MiB, todo() left in). Prints both times, whether the two
# gradebooks agree, and the status counts.
#   scripts/grading-bench.sh [COUNT] [-- extra gradus grade options]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-500}
shift || true
[ "${1:-}" = "--" ] && shift
# SCRATCH=.build-NAME uses another build folder (engineers each have their own).
build=(swift build -c release ${SCRATCH:+--scratch-path "$SCRATCH"})
"${build[@]}" --product gradus >/dev/null
gradus="$("${build[@]}" --show-bin-path)/gradus"
work=$(mktemp -d /tmp/gradus-grading-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/key"
printf 'title: Grading benchmark\nlessons:\n  - lesson.md\n' > "$work/key/course.yml"
cat > "$work/key/lesson.md" <<'LESSON'
---
title: Three exercises
---

# Three exercises

```swift exercise=momentum
let myMomentum = Optimizer("momentum") { w, g, state in
    // BEGIN SOLUTION
    state.v = 0.9 * state.v - 0.01 * g
    w += state.v
    // END SOLUTION
}
```

```swift test=momentum points=2
expectSameTrajectory(myMomentum, SGD(lr: 0.01, momentum: 0.9), on: Rosenbrock(), from: [-1.5, 2], steps: 50)
```

```swift test=momentum hidden points=3
expectSameTrajectory(myMomentum, SGD(lr: 0.01, momentum: 0.9), on: Beale(), from: [1, 1], steps: 200)
```

```swift exercise=square
func square(_ x: Double) -> Double {
    // BEGIN SOLUTION
    return x * x
    // END SOLUTION
}
```

```swift test=square
expectClose(square(3), 9)
```

```swift test=square hidden points=2
expectClose(square(-0.5), 0.25)
```

```swift exercise=mse
func myMSE(_ p: [Double], _ y: [Double]) -> Double {
    // BEGIN SOLUTION
    var total = 0.0
    for i in 0..<p.count { total += (p[i] - y[i]) * (p[i] - y[i]) }
    return total / Double(p.count)
    // END SOLUTION
}
```

```swift test=mse points=2
expectClose(myMSE([1, 2, 3], [1, 2, 5]), 4.0 / 3.0)
```

```swift test=mse hidden
expectClose(myMSE([0.5], [0.0]), 0.25)
```
LESSON
key="$work/key/lesson.md"
"$gradus" release "$work/key" --out "$work/released" >/dev/null
for ((i = 0; i < count; i++)); do
  dir=$(printf '%s/subs/s%04d' "$work" "$i")
  mkdir -p "$dir"
  file="$dir/lesson.md"
  case $((i % 100)) in
    6[0-9]|7[0-9]) sed 's/return x \* x/return x + x/' "$key" > "$file" ;;
    8[0-3]) sed 's/0.9 \* state.v/0.8 * state.v/; s/return x \* x/return x + x/; s/total \/ Double/total \/ 2 \/ Double/' "$key" > "$file" ;;
    84|85) sed 's/    w += state.v/    while true { }/' "$key" > "$file" ;;
    86|87) : > "$file" ;;
    88|89) printf '# \xff\xfe\n' > "$file" ;;
    90|91) ;;
    92|93) sed 's/exercise=mse/norun/' "$key" > "$file" ;;
    94|95) printf -- '---\ntitle: [oops\n---\n' | cat - "$key" > "$file" ;;
    96) { cat "$key"; head -c 1100000 /dev/zero | tr '\0' 'x'; } > "$file" ;;
    97|98|99) cp "$work/released/lesson.md" "$file" ;;
    *) cp "$key" "$file" ;;
  esac
done
# The same batch twice: adaptive limits (the default) beside --fixed-limits (every test 5 s).
run() {
  local out=$1; shift
  local start end
  start=$(date +%s.%N)
  "$gradus" grade --key "$work/key" "$work/subs" --out "$out" "$@" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
adaptive=$(run "$work/out" "$@")
fixed=$(run "$work/out-fixed" --fixed-limits "$@")
echo "graded $count submissions × 3 exercises on $(nproc) cores:"
echo "  adaptive limits (default): ${adaptive} s"
echo "  fixed limits (--fixed-limits): ${fixed} s ($(echo "scale=2; $fixed / $adaptive" | bc)x)"
if cmp -s "$work/out/gradebook.csv" "$work/out-fixed/gradebook.csv"; then
  echo "  the two gradebooks are identical"
else
  echo "  the gradebooks differ:"; diff "$work/out/gradebook.csv" "$work/out-fixed/gradebook.csv" | head -20
fi
cut -d, -f6 "$work/out/gradebook.csv" | tail -n +2 | sort | uniq -c
