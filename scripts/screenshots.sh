#!/usr/bin/env bash
# Refreshes the main pages' screenshots in docs/screenshots/ (shown by the README and the role guides) by running the
# page tests that take them with OT_SCREENSHOTS_DIR set; without it (CI, ./test.sh) the tests write none there.
# Usage: scripts/screenshots.sh   (then review `git diff --stat docs/screenshots` and commit what changed)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/chromium.sh
dotnet build tests/OrleansTraining.Pages.Tests -c Release -nologo -v q
OT_SCREENSHOTS_DIR="$PWD/docs/screenshots" dotnet test tests/OrleansTraining.Pages.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~BoardPagesTests|FullyQualifiedName~PlanPagesTests|FullyQualifiedName~ProvincePagesTests|FullyQualifiedName~LecturerPagesTests|FullyQualifiedName~LecturerAvailabilityPagesTests|FullyQualifiedName~TraineePagesTests|FullyQualifiedName~TraineeLinksPagesTests"
ls -l docs/screenshots
