#!/usr/bin/env bash
# The main job: a backtest of the rsi strategy on the bundled BTCUSDT sample (data/sample, imported into the embedded
# SQLite store on first use), printing the statistics table and writing an HTML report.
set -euo pipefail
cd "$(dirname "$0")/.."
report="${1:-reports/quickstart.html}"
mkdir -p "$(dirname "$report")"
dotnet run --project src/Trading.Cli -c Release -- backtest run \
  --strategy rsi --symbol BTCUSDT --from 2024-01-01 --to 2024-06-25 \
  --balance 10000 --fee-bps 10 --slippage-bps 2 --param period=14 --html "$report"
echo "Open $report in a browser."
