#!/usr/bin/env bash
# Throwaway PostgreSQL clusters for tests and benchmarks: sourced by test.sh, with-postgres.sh and pg-dev.sh.
# Installs PostgreSQL from Debian's packages when missing, runs the server as an unprivileged user,
# in a temporary directory, on a free loopback port.

pg_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
  return 1
}

pg_ensure_installed() {
  if pg_bin_dir >/dev/null; then return 0; fi
  echo "PostgreSQL is not installed: installing it from Debian's packages..." >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "need root or sudo to install PostgreSQL" >&2; return 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >&2
  pg_bin_dir >/dev/null
}

# The server refuses to run as root: as root, run it as the 'postgres' user (created if missing).
pg_run_user() {
  if [ "$(id -u)" -ne 0 ]; then echo ""; return 0; fi
  if ! id postgres >/dev/null 2>&1; then useradd --system --no-create-home --shell /usr/sbin/nologin postgres; fi
  echo "postgres"
}

pg_as_user() {
  local user=$1; shift
  if [ -z "$user" ]; then "$@"; else runuser -u "$user" -- "$@"; fi
}

pg_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

# pg_start DIR [durable] [OPTIONS]: starts a cluster under DIR and exports ConnectionStrings__Postgres.
# Without 'durable', fsync is off: tests need a database, not crash safety, and run much faster.
# OPTIONS (server -c options) come last, so they override the ones here.
pg_start() {
  local dir=$1 durable=${2:-} extra=${3:-}
  local bin user port
  pg_ensure_installed || return 1
  bin=$(pg_bin_dir)
  user=$(pg_run_user)
  port=$(pg_free_port) || { echo "no free loopback port" >&2; return 1; }
  mkdir -p "$dir"
  [ -n "$user" ] && chown -R "$user" "$dir"
  pg_as_user "$user" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  local options="-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=400 -c shared_buffers=256MB"
  if [ -z "$durable" ]; then options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"; fi
  if [ -n "$extra" ]; then options="$options $extra"; fi
  pg_as_user "$user" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "$options" -w -t 60 start >/dev/null \
    || { cat "$dir/server.log" >&2; return 1; }
  # Kept so the same cluster can be started again on the same port (scripts/pg-outage.sh resume).
  echo "$options" >"$dir/options"
  pg_as_user "$user" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres orleans_training
  export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$port;Username=postgres;Database=orleans_training"
  export PG_CLUSTER_DIR="$dir"
}

pg_stop() {
  local dir=$1
  [ -d "$dir/data" ] || return 0
  local bin user
  bin=$(pg_bin_dir) || return 0
  user=$(pg_run_user)
  pg_as_user "$user" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
