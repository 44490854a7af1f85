#!/usr/bin/env bash
# Installs the PostgreSQL server binaries the storage tests start a throw-away cluster with
# (tests/AdeBot.Testing/PostgreSql/PostgreSqlServer.cs). Does nothing when initdb is already there.
set -euo pipefail

have_initdb() {
  command -v initdb >/dev/null 2>&1 && return 0
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}

if have_initdb; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-postgres.sh: no initdb and no apt-get; install the PostgreSQL server (initdb, pg_ctl) by hand." >&2
  exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi

echo "== Installing PostgreSQL for the storage tests (apt-get install postgresql)"
"${sudo[@]}" apt-get update
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends postgresql
have_initdb
