#!/bin/sh
# Regenerates Tests/SnippetsTests/SwiftCorpus/NAME.expected by compiling each NAME.swift with swiftc
# and recording what it prints, so the interpreter is measured against compiled Swift (issue 13).
# Usage: scripts/swift-corpus.sh [NAME ...]   (default: every program in the corpus)
set -eu
cd "$(dirname "$0")/.."
corpus=Tests/SnippetsTests/SwiftCorpus
out=.build/swift-corpus
mkdir -p "$out"
if [ "$#" -eq 0 ]; then
    set -- $(cd "$corpus" && ls *.swift | sed 's/\.swift$//')
fi
for name in "$@"; do
    # The module is the one `gradus run NAME.md` names the program's types with (LessonPackage.moduleName),
    # so `print([Phase.warmup])` shows `[lesson_NAME.Phase.warmup]` in both.
    swiftc -swift-version 6 -suppress-warnings -lm -module-name "lesson_$(echo "$name" | tr -- - _)" -o "$out/$name" "$corpus/$name.swift"
    "$out/$name" > "$corpus/$name.expected"
    echo "$corpus/$name.expected"
done
