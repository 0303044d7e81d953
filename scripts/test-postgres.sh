#!/usr/bin/env bash
# The pytest suite against a throwaway PostgreSQL cluster. `make test-postgres` runs it with
# `-m "database and not browser"`: what depends on the database (README "Tests" says why).
#
# - installs Debian's PostgreSQL when pg_ctl is missing (as root);
# - creates the cluster in a `mktemp -d` folder, owned by an unprivileged user when run as
#   root (PostgreSQL refuses to run as root): $PG_TEST_USER, default `pgtest`, created if
#   missing;
# - listens on 127.0.0.1 only, on a free port, with its socket inside that folder and a
#   random password (scram-sha-256);
# - runs pytest with DATABASE_URL pointing at it (pytest-django creates test_postgres) and
#   PG_BIN at the cluster's tools (the restore drill runs its pg_dump and pg_restore);
# - always stops the cluster and deletes the folder, even on failure or Ctrl-C.
#
# Arguments go to pytest, e.g. `scripts/test-postgres.sh tests/test_api.py -x`; with none,
# the whole suite runs, browser tests included.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
PG_TEST_USER=${PG_TEST_USER:-pgtest}

find_pg_bin() {
  local dir found=""
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x "$dir/pg_ctl" && -x "$dir/initdb" ]] && found=$dir
  done
  echo "$found"
}

PG_BIN=$(find_pg_bin)
if [[ -z "$PG_BIN" ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "PostgreSQL is not installed: run as root, or: apt-get install postgresql" >&2
    exit 1
  fi
  echo "Installing Debian's PostgreSQL for the test run..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  PG_BIN=$(find_pg_bin)
  [[ -n "$PG_BIN" ]] || { echo "pg_ctl is still missing after installing postgresql" >&2; exit 1; }
fi

# PostgreSQL will not run as root: use an unprivileged system user then.
if [[ $(id -u) -eq 0 ]]; then
  if ! id "$PG_TEST_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
      "$PG_TEST_USER"
  fi
  as_pg() { runuser -u "$PG_TEST_USER" -- "$@"; }
else
  as_pg() { "$@"; }
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sciatica-pg.XXXXXX")
STARTED=0
cleanup() {
  local status=$?
  if [[ $STARTED -eq 1 ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -m fast -w stop >/dev/null 2>&1 \
      || as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$WORK/socket"
PASSWORD=$("$PYTHON" -c 'import secrets; print(secrets.token_hex(24))')
printf '%s\n' "$PASSWORD" >"$WORK/pwfile"
[[ $(id -u) -eq 0 ]] && chown -R "$PG_TEST_USER" "$WORK"

as_pg "$PG_BIN/initdb" -D "$WORK/data" -U postgres --pwfile="$WORK/pwfile" \
  --auth=scram-sha-256 --encoding=UTF8 --no-locale --no-sync >"$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log" >&2; exit 1; }
rm -f "$WORK/pwfile"

free_port() {
  "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# A throwaway cluster: durability settings off for speed.
for attempt in 1 2 3; do
  PORT=$(free_port)
  if as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$WORK/socket \
        -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50" \
    start >/dev/null; then
    STARTED=1
    break
  fi
  echo "PostgreSQL did not start on port $PORT (attempt $attempt)" >&2
  tail -5 "$WORK/server.log" >&2 || true
done
[[ $STARTED -eq 1 ]] || exit 1

VERSION=$("$PG_BIN/postgres" --version)
echo "PostgreSQL ($VERSION) on 127.0.0.1:$PORT, data in $WORK"
export DATABASE_URL="postgres://postgres:$PASSWORD@127.0.0.1:$PORT/postgres"
# The cluster's own pg_dump and pg_restore, for the restore drill (sciatica/backup.py).
export PG_BIN
"$PYTHON" -m pytest "$@"
