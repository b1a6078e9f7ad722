#!/usr/bin/env bash
# All tests. Starts a throwaway PostgreSQL (installing it from Debian's packages if missing) for the tests that
# claim PostgreSQL, runs the whole suite, and stops the cluster whatever the outcome.
set -euo pipefail
cd "$(dirname "$0")"
export CI="${CI:-}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The page tests drive Debian's Chromium; installed when missing.
scripts/chromium.sh
# The calendar-feed tests parse the feed with Debian's python3-icalendar; installed when missing.
scripts/python-icalendar.sh
# The notification mail tests send to a local SMTP server, Debian's python3-aiosmtpd; installed when missing.
scripts/python-aiosmtpd.sh
scripts/with-postgres.sh bash -c '
  set -o pipefail
  dotnet build OrleansTraining.sln -c Release -nologo -v q
  dotnet test OrleansTraining.sln -c Release --no-build --blame-hang-timeout 300s -nologo "$@" | tee /tmp/orleans-training-test.log
  status=${PIPESTATUS[0]}
  # One closing line for the whole suite, summed over the test projects.
  awk "/Passed!|Failed!/ { for (i = 1; i <= NF; i++) { if (\$i == \"Failed:\") f += \$(i+1); if (\$i == \"Passed:\") p += \$(i+1); if (\$i == \"Skipped:\") s += \$(i+1) } }
       END { gsub(\",\", \"\", f); printf \"tests: %d passed, %d failed, %d skipped\n\", p, f, s }" /tmp/orleans-training-test.log
  exit $status
' test-suite "$@"
