#!/usr/bin/env bash
# The REST API benchmark: GET /status against a bare Kestrel "hello" endpoint, both measured by Debian's wrk on loopback
# in alternating rounds; prints each median and the ratio. Usage: benchmarks/api.sh [rounds=5] [seconds=10] [connections=64]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null 2>&1 || { echo "error: wrk is missing: apt-get install wrk (scripts/install-test-deps.sh)" >&2; exit 2; }
dotnet build benchmarks/Trading.Benchmarks -c Release -v q --nologo >/dev/null
exec dotnet benchmarks/Trading.Benchmarks/bin/Release/net10.0/Trading.Benchmarks.dll api "${1:-5}" "${2:-10}" "${3:-64}"
