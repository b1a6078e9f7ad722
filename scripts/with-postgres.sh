#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster, exported as ConnectionStrings__Postgres, and stops the
# cluster whatever the outcome. PG_DURABLE=1 keeps fsync on (for benchmark figures that mean something).
#   scripts/with-postgres.sh dotnet run -c Release --project bench/OrleansTraining.Bench -- host
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=postgres.sh
source "$here/postgres.sh"
dir=$(mktemp -d /tmp/orleans-training-pg.XXXXXX)
chmod 755 "$dir"
trap 'pg_stop "$dir"' EXIT
pg_start "$dir" "${PG_DURABLE:+durable}"
echo "PostgreSQL: $ConnectionStrings__Postgres" >&2
"$@"
