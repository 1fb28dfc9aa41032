#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for the tests: no container, no system service.
#   eval "$(tests/tools/postgres.sh start)"   starts one and prints the export line of
#                                             NEWSDIGEST_TEST_POSTGRES (and NEWSDIGEST_TEST_POSTGRES_DIR)
#   tests/tools/postgres.sh stop [DIR]        stops it and removes its folder (DIR defaults to
#                                             $NEWSDIGEST_TEST_POSTGRES_DIR)
# The cluster trusts loopback connections only, listens on a free loopback port, and runs with
# fsync=off: its data is meant to vanish.
set -euo pipefail

bin=/usr/lib/postgresql/15/bin

# PostgreSQL refuses to run as root: its programs run as the postgres user.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

install_postgres() {
  if [ ! -x "$bin/initdb" ]; then
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  fi
}

# A loopback port nothing answers on (a race with another process taking it is caught by the
# start failing, and retried).
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

start() {
  install_postgres
  local dir port
  dir=$(mktemp -d /tmp/newsdigest-postgres.XXXXXX)
  chmod 755 "$dir"
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$dir"
  fi
  as_postgres "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  # Loopback only: trust authentication must never face a network.
  local attempt
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_postgres "$bin/pg_ctl" -D "$dir/data" -w -l "$dir/server.log" \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >&2; then
      break
    fi
    if [ "$attempt" = 5 ]; then
      cat "$dir/server.log" >&2
      exit 1
    fi
  done
  echo "export NEWSDIGEST_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres' NEWSDIGEST_TEST_POSTGRES_DIR='$dir'"
}

stop() {
  local dir=${1:-${NEWSDIGEST_TEST_POSTGRES_DIR:-}}
  if [ -z "$dir" ] || [ ! -d "$dir" ]; then
    echo "postgres.sh stop: no cluster folder given" >&2
    exit 1
  fi
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 start | stop [DIR]" >&2; exit 2 ;;
esac
