#!/usr/bin/env bash
# For development: starts (once) a throwaway PostgreSQL cluster that keeps running, and prints the export line.
#   eval "$(scripts/pg-dev.sh)"
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=postgres.sh
source "$here/postgres.sh"
dir=/tmp/orleans-training-pg-dev
# A cluster left from an earlier session may have stopped with the machine: reuse it only while it runs.
running() { [ -f "$dir/connection" ] && [ -f "$dir/data/postmaster.pid" ] && kill -0 "$(head -n 1 "$dir/data/postmaster.pid")" 2>/dev/null; }
if running; then cat "$dir/connection"; exit 0; fi
exec 9>/tmp/orleans-training-pg-dev.lock
flock 9
if running; then cat "$dir/connection"; exit 0; fi
rm -rf "$dir"
pg_start "$dir" >&2
echo "export ConnectionStrings__Postgres='$ConnectionStrings__Postgres'" | tee "$dir/connection"
