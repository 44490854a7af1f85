#!/usr/bin/env bash
# Runs every AdeBot test from a fresh clone and installs what they need:
#   1. the .NET unit and integration tests (dotnet test), the storage tests against SQLite and a
#      throw-away PostgreSQL cluster (installed by tests/postgres/install-postgres.sh when missing),
#   2. the Teams app package and the approved card snapshots, checked by Microsoft's own validators (tests/node),
#   3. the end-to-end suite in Microsoft 365 Agents Playground with headless chromium (tests/e2e).
# Exits non-zero as soon as one part fails.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$repo"

echo "== PostgreSQL server for the storage tests"
tests/postgres/install-postgres.sh

echo "== .NET tests"
dotnet test AdeBot.sln --nologo

echo "== Teams app package and cards (Microsoft's validators)"
# The app `dotnet test` just built, so the package tests need not build it again.
export ADEBOT_DLL="$repo/src/AdeBot/bin/Debug/net10.0/AdeBot.dll"
(cd tests/node && npm ci --no-audit --no-fund --loglevel=error && node --test)

echo "== End-to-end in Microsoft 365 Agents Playground"
tests/e2e/run.sh
