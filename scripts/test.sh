#!/usr/bin/env bash
# Runs every test: installs PostgreSQL, Redis and Chromium if missing, builds, tests,
# and prints a closing "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-deps.sh || { echo "error: could not install test dependencies"; exit 1; }

log=$(mktemp)
rm -f artifacts/ccxt-conformance.txt
dotnet test Trading.slnx -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [ -f artifacts/ccxt-conformance.txt ]; then echo "ccxt 4.5.84 against the simulator:"; cat artifacts/ccxt-conformance.txt; fi

sum() { grep -oE "$1:[[:space:]]+[0-9]+" "$log" | awk '{ s += $2 } END { print s + 0 }'; }
passed=$(sum Passed)
failed=$(sum Failed)
rm -f "$log"
echo "${passed:-0} passed, ${failed:-0} failed"
if [ "${passed:-0}" -eq 0 ]; then echo "error: no tests ran"; exit 1; fi
exit "$status"
