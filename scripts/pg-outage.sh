#!/usr/bin/env bash
# A throwaway PostgreSQL cluster of one test's own, which the test stops and starts again (the database outage test):
# stopping the shared cluster would break every other test running beside it.
#   scripts/pg-outage.sh start DIR    starts a cluster under DIR (new or empty), prints its connection string
#   scripts/pg-outage.sh stop DIR     stops it the way a crash would (immediate: no checkpoint), keeping its data
#   scripts/pg-outage.sh resume DIR   starts it again on the same port (it replays its log first)
#   scripts/pg-outage.sh remove DIR   stops it if it runs and deletes DIR
# Synchronous commit on: an immediate stop must not lose a commit the server acknowledged. fsync stays off as for
# the other tests: the server process dies, not the machine, so what it wrote is in the kernel's cache.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=postgres.sh
source "$here/postgres.sh"
command=${1:?start, stop, resume or remove}
dir=${2:?the cluster directory}
case "$command" in
  start)
    pg_start "$dir" "" "-c synchronous_commit=on" >&2
    echo "$ConnectionStrings__Postgres"
    ;;
  stop)
    pg_as_user "$(pg_run_user)" "$(pg_bin_dir)/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null
    ;;
  resume)
    pg_as_user "$(pg_run_user)" "$(pg_bin_dir)/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "$(cat "$dir/options")" -w -t 60 start >/dev/null \
      || { tail -n 30 "$dir/server.log" >&2; exit 1; }
    ;;
  remove)
    pg_stop "$dir"
    ;;
  *)
    echo "unknown command: $command (start, stop, resume or remove)" >&2
    exit 2
    ;;
esac
