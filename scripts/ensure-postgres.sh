#!/usr/bin/env bash
# Make sure a PostgreSQL server answers on 127.0.0.1:5432 for the storage tests.
# Uses a running one; otherwise installs Debian's package and starts a cluster.
# Prints nothing on success except progress on stderr; the tests create their own throw-away database.
set -euo pipefail

pg_up() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -h 127.0.0.1 -p 5432 -q
  else
    (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null
  fi
}

if pg_up; then
  exit 0
fi

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  if [ "$(id -u)" != "0" ]; then
    echo "PostgreSQL is not running and installing it needs root; PostgreSQL tests will be skipped" >&2
    exit 0
  fi
  echo "installing PostgreSQL from Debian's packages..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)"
if [ -z "$version" ]; then
  echo "no PostgreSQL cluster found after install; PostgreSQL tests will be skipped" >&2
  exit 0
fi
conf="/etc/postgresql/$version/main"
# Trust local loopback connections for the throw-away test databases.
if ! grep -q "twitchcare-test" "$conf/pg_hba.conf" 2>/dev/null; then
  sed -i '1i host all all 127.0.0.1/32 trust # twitchcare-test' "$conf/pg_hba.conf"
  sed -i '1i local all all trust # twitchcare-test' "$conf/pg_hba.conf"
fi
pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || pg_ctlcluster "$version" main start >&2 || true
for _ in $(seq 1 30); do
  if pg_up; then exit 0; fi
  sleep 1
done
echo "PostgreSQL did not start; PostgreSQL tests will be skipped" >&2
exit 0
