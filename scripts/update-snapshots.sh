#!/usr/bin/env bash
# Rewrites the renderer's HTML snapshots (Tests/PagesTests/Fixtures/*.html) from the current code.
# Run it after a deliberate change to page markup, then review `git diff Tests/PagesTests/Fixtures`.
# Usage: scripts/update-snapshots.sh [extra swift test arguments, e.g. --scratch-path .build-x]
set -euo pipefail
cd "$(dirname "$0")/.."
GRADUS_UPDATE_SNAPSHOTS=1 swift test "$@" --filter PagesTests.SnapshotTests
git status --short Tests/PagesTests/Fixtures
