#!/usr/bin/env bash
# For development: starts (once) a throwaway PostgreSQL cluster that keeps running, and prints the export line.
#   eval "$(scripts/pg-dev.sh)"
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=postgres.sh
source "$here/postgres.sh"
dir=/tmp/orleans-training-pg-dev
if [ -f "$dir/connection" ]; then cat "$dir/connection"; exit 0; fi
exec 9>/tmp/orleans-training-pg-dev.lock
flock 9
if [ -f "$dir/connection" ]; then cat "$dir/connection"; exit 0; fi
rm -rf "$dir"
pg_start "$dir" >&2
echo "export ConnectionStrings__Postgres='$ConnectionStrings__Postgres'" | tee "$dir/connection"
