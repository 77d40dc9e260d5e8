#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine: PostgreSQL, Redis, Chromium (the dashboard's browser test),
# docker-compose (it only validates deploy/docker-compose.yml; no Docker engine is needed), wrk (the API benchmark),
# Prometheus (with promtool, for the metrics test), GNU time (peak memory of the import test) and Node.js with npm (the build
# installs lightweight-charts and the ccxt conformance suite's pinned ccxt from npm).
set -euo pipefail

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
[ -x /usr/bin/time ] || missing+=(time)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# Servers are started by the tests themselves on free loopback ports; stop any the packages auto-started.
if command -v service >/dev/null 2>&1; then
  service postgresql stop >/dev/null 2>&1 || true
  service redis-server stop >/dev/null 2>&1 || true
  service prometheus stop >/dev/null 2>&1 || true
fi
