#!/usr/bin/env bash
# End-to-end tests of AdeBot in Microsoft 365 Agents Playground (see tests/e2e/README.md).
#
#   tests/e2e/run.sh [--build]
#
# Installs what it needs (Debian's chromium when /usr/bin/chromium is missing; the pinned npm packages
# with `npm ci`), optionally builds src/AdeBot (--build or E2E_BUILD=1; otherwise it must be built
# already, as `dotnet run --no-build` runs it), then runs the suite with node's test runner. Each test
# file starts its own bot and Playground; whatever is left running at exit is stopped by pid.
# Exits non-zero if anything fails. Screenshots and logs: tests/e2e/artifacts/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
build="${E2E_BUILD:-0}"
for arg in "$@"; do
  case "$arg" in
    --build) build=1 ;;
    *) echo "usage: $0 [--build]" >&2; exit 2 ;;
  esac
done

artifacts="${E2E_ARTIFACTS_DIR:-$here/artifacts}"
export E2E_ARTIFACTS_DIR="$artifacts"
rm -rf "$artifacts"
mkdir -p "$artifacts/logs" "$artifacts/pids" "$artifacts/screenshots"

stop_leftovers() {
  # Each test file stops its own processes; this catches a file that died before its after() hook.
  local pidfile pid
  for pidfile in "$artifacts"/pids/*.pid; do
    [ -e "$pidfile" ] || continue
    pid="$(cat "$pidfile")"
    kill -TERM -- "-$pid" 2>/dev/null || true
    sleep 1
    kill -KILL -- "-$pid" 2>/dev/null || true
    rm -f "$pidfile"
  done
}
trap stop_leftovers EXIT

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  echo "e2e: node >= 20 is required, found $(node --version)" >&2
  exit 1
fi

if [ ! -x /usr/bin/chromium ] && [ -z "${E2E_CHROMIUM:-}" ]; then
  echo "e2e: installing Debian's chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends chromium
fi
"${E2E_CHROMIUM:-/usr/bin/chromium}" --version 2>/dev/null

echo "e2e: npm ci"
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)

if [ "$build" = 1 ]; then
  echo "e2e: dotnet build src/AdeBot"
  build_args=()
  if [ -n "${E2E_DOTNET_ARTIFACTS_PATH:-}" ]; then build_args=(--artifacts-path "$E2E_DOTNET_ARTIFACTS_PATH"); fi
  dotnet build "$repo/src/AdeBot" -c Debug "${build_args[@]}" -nologo -v quiet
fi

echo "e2e: running the suite"
cd "$here"
# A hard bound on the whole run; each test and each process start has its own smaller one.
timeout --signal=INT --kill-after=30 "${E2E_TIMEOUT_SECONDS:-900}" \
  node --test --test-concurrency=1 --test-reporter=spec \
    test/driver.test.mjs test/personal.test.mjs test/devices.test.mjs test/languages.test.mjs test/channel.test.mjs test/guidedfix.test.mjs test/alerts.test.mjs test/ui.test.mjs
