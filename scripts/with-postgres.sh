#!/usr/bin/env bash
# Run a command with a private, throw-away PostgreSQL cluster for the storage tests:
#
#   scripts/with-postgres.sh .venv/bin/python -m pytest
#
# The cluster lives in a new temporary folder, listens on 127.0.0.1 on a free port of its own,
# and requires a random password that exists only for this run; its socket folder is private.
# The command sees it as TWITCHCARE_TEST_POSTGRES_SERVER (and TWITCHCARE_TEST_POSTGRES_REQUIRED=1,
# so the PostgreSQL tests fail rather than skip). The cluster is stopped and its folder deleted
# when the command ends, however it ends. No existing PostgreSQL server or its authentication is
# touched. As root, the cluster runs as the `postgres` user, or `nobody` when there is none
# (PostgreSQL refuses to run as root).
# When initdb is missing it is installed from Debian's `postgresql` package (needs root).
#
# If TWITCHCARE_TEST_POSTGRES_SERVER is already set, that server is used and nothing is started.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGUMENTS...]" >&2
  exit 2
fi
if [ -n "${TWITCHCARE_TEST_POSTGRES_SERVER:-}" ]; then
  exec "$@"
fi

find_bin() {
  local name="$1" found
  if found="$(command -v "$name" 2>/dev/null)"; then
    echo "$found"
    return 0
  fi
  found="$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -1 || true)"
  [ -n "$found" ] && echo "$found"
}

if ! find_bin initdb >/dev/null; then
  if [ "$(id -u)" != "0" ]; then
    echo "with-postgres: initdb not found and installing PostgreSQL needs root" \
      "(apt-get install postgresql); the PostgreSQL tests will be skipped" >&2
    exec "$@"
  fi
  echo "with-postgres: installing PostgreSQL from Debian's packages..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
INITDB="$(find_bin initdb)"
PG_CTL="$(find_bin pg_ctl)"

OWNER=postgres
id "$OWNER" >/dev/null 2>&1 || OWNER=nobody

as_owner() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u "$OWNER" -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

CLUSTER="$(mktemp -d "${TMPDIR:-/tmp}/twitchcare-pg.XXXXXX")"
chmod 700 "$CLUSTER"
if [ "$(id -u)" = "0" ]; then chown "$OWNER": "$CLUSTER"; fi

stop_cluster() {
  if [ -f "$CLUSTER/data/postmaster.pid" ]; then
    as_owner "$PG_CTL" -D "$CLUSTER/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$CLUSTER"
}
trap stop_cluster EXIT
trap 'exit 130' INT TERM

PASSWORD="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
(umask 077 && printf '%s\n' "$PASSWORD" >"$CLUSTER/password")
if [ "$(id -u)" = "0" ]; then chown "$OWNER": "$CLUSTER/password"; fi
as_owner "$INITDB" -D "$CLUSTER/data" -U postgres --pwfile="$CLUSTER/password" \
  --auth-host=scram-sha-256 --auth-local=scram-sha-256 -E UTF8 --no-locale --no-sync \
  >"$CLUSTER/initdb.log" 2>&1 || { cat "$CLUSTER/initdb.log" >&2; exit 1; }
rm -f "$CLUSTER/password"

for _attempt in 1 2 3; do
  PORT="$(free_port)"
  if as_owner "$PG_CTL" -D "$CLUSTER/data" -l "$CLUSTER/server.log" -w -t 30 \
    -o "-p $PORT -k $CLUSTER -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
    start >/dev/null; then
    break
  fi
  PORT=""
done
if [ -z "$PORT" ]; then
  echo "with-postgres: the private PostgreSQL cluster did not start:" >&2
  tail -5 "$CLUSTER/server.log" >&2 || true
  exit 1
fi

export TWITCHCARE_TEST_POSTGRES_SERVER="postgresql://postgres:$PASSWORD@127.0.0.1:$PORT/postgres"
export TWITCHCARE_TEST_POSTGRES_REQUIRED=1
echo "with-postgres: private PostgreSQL cluster on 127.0.0.1:$PORT in $CLUSTER" >&2
status=0
"$@" || status=$?
exit "$status"
