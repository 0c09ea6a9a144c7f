#!/usr/bin/env bash
# Fuzzes lessons through Lessons and the interpreter with libFuzzer (see docs/fuzzing.md).
# Builds gradus-fuzz with -sanitize=fuzzer (and address by default) in its own scratch folder,
# gathers the seeds from where they live (the course, docs, case files, Fuzz/corpus), and runs
# for FUZZ_SECONDS in fork mode so one crash does not end the run: every crash is saved in
# $FUZZ_BUILD/artifacts/ and listed at the end.
#   scripts/fuzz.sh                 # FUZZ_SECONDS=600 FUZZ_SANITIZERS=fuzzer,address FUZZ_JOBS=1
#   scripts/fuzz.sh -only_ascii=1   # extra arguments go to libFuzzer
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-600}
sanitizers=${FUZZ_SANITIZERS:-fuzzer,address}
jobs=${FUZZ_JOBS:-1}
build=${FUZZ_BUILD:-.build-fuzzer}

swift build --scratch-path "$build" --product gradus-fuzz \
    -Xswiftc "-sanitize=$sanitizers" -Xswiftc -DFUZZING
binary="$(swift build --scratch-path "$build" --show-bin-path)/gradus-fuzz"

# The seeds are read from the repository each run, so they never go stale as copies would;
# libFuzzer writes what it learns into corpus/ (the first directory) and only reads seeds/.
rm -rf "$build/seeds"
mkdir -p "$build/seeds" "$build/corpus" "$build/artifacts"
cp lessons/*.md docs/dsl.md docs/lessons.md "$build/seeds/"
for file in Tests/SnippetsTests/Cases/*.md; do cp "$file" "$build/seeds/case-$(basename "$file")"; done
cp Fuzz/corpus/* Fuzz/regressions/* "$build/seeds/" 2>/dev/null || true

# ASan reports leaks at exit by default; an interpreter that keeps values in a global
# environment until the process ends would drown real findings.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
# Swift's crash handler (which starts swift-backtrace) reads the crashed thread's stack; ASan
# reports that as a stack-buffer-underflow and hides the real trap, so libFuzzer prints the stack.
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}
status=0
"$binary" "$build/corpus" "$build/seeds" \
    -dict=Fuzz/gradus.dict -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -max_len=4096 \
    -fork="$jobs" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -artifact_prefix="$build/artifacts/" -print_final_stats=1 "$@" || status=$?

crashes=$(find "$build/artifacts" -type f | sort)
if [ -n "$crashes" ]; then
    echo "saved inputs that crashed, timed out or ran out of memory:"
    echo "$crashes"
    echo "reproduce one: $binary FILE; minimize: $binary -minimize_crash=1 -runs=2000 FILE (docs/fuzzing.md)"
fi
exit "$status"
