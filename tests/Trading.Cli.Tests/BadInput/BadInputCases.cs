using static Trading.Cli.Tests.BadInput.BadInputCase;

namespace Trading.Cli.Tests.BadInput;

/// <summary>
/// The bad-input table: per command, one case for each kind of bad value of each of its options, plus the cases of issue 16.
/// A command added later gets its rows here; <see cref="BadInputSuiteTests"/> runs every row against a fresh machine and
/// against an existing store.
/// </summary>
public static class BadInputCases
{
    private const string Sql = "BTC'; DROP TABLE candles;--";
    private static readonly string LongName = new('b', 5000);

    public static readonly IReadOnlyList<BadInputCase> All =
    [
        .. Global(), .. DataHistory(), .. DataCollect(), .. DataImport(), .. DataGaps(), .. DataAggregate(), .. DataResample(),
        .. TradeStart(), .. TradeStop(), .. TradeStatus(), .. OrderPlace("buy"), .. OrderPlace("sell"), .. OrderCancelAndList(),
        .. BacktestRun(), .. BacktestReportAndList(), .. BacktestOptimize(), .. Portfolio(), .. Strategy(), .. Exchange(),
    ];

    public static TheoryData<string> Names() => new(All.Select(c => c.Name));

    public static BadInputCase Named(string name) => All.Single(c => c.Name == name);

    private static BadInputCase Case(string name, int exit, string reason, params string[] args) => new(name, exit, reason, args);

    private static IEnumerable<BadInputCase> Global() =>
    [
        Case("unknown-command", Usage, "'foo'", "foo"),
        Case("misspelt-subcommand", Usage, "list", "data", "lst"),
        Case("unknown-option", Usage, "--no-such-option", "config", "show", "--no-such-option"),
        Case("empty-data-dir", Usage, "--data-dir", "data", "list", "--data-dir", ""),
        Case("group-without-command", Usage, "history", "data"),
    ];

    private static IEnumerable<BadInputCase> DataHistory() =>
    [
        Case("history-missing-options", Usage, "--from", "data", "history"),
        Case("history-sql-symbol", Usage, "symbol", "data", "history", "--symbol", Sql, "--from", "2024-01-01"),
        Case("history-bad-timeframe", Usage, "timeframe", "data", "history", "--symbol", "BTCUSDT", "--timeframe", "7x", "--from", "2024-01-01"),
        Case("history-bad-from", Usage, "--from", "data", "history", "--symbol", "BTCUSDT", "--from", "2024-13-45"),
        Case("history-bad-to", Usage, "--to", "data", "history", "--symbol", "BTCUSDT", "--from", "2024-01-01", "--to", "soon"),
        Case("history-to-before-from", Usage, "--to", "data", "history", "--symbol", "BTCUSDT", "--from", "2024-01-02", "--to", "2024-01-01"),
    ];

    private static IEnumerable<BadInputCase> DataCollect() =>
    [
        Case("collect-sql-symbol", Usage, "symbol", "data", "collect", "--symbol", Sql),
        Case("collect-bad-timeframe", Usage, "timeframe", "data", "collect", "--symbol", "BTCUSDT", "--timeframe", "0m"),
        Case("collect-bad-from", Usage, "--from", "data", "collect", "--symbol", "BTCUSDT", "--from", "yesterday-ish"),
    ];

    private static IEnumerable<BadInputCase> DataImport() =>
    [
        Case("import-empty-file", Runtime, "the files hold no rows", "data", "import", "{dir}/BTCUSDT-1m-empty.csv"),
        Case("import-header-only", Runtime, "the files hold no rows", "data", "import", "{dir}/BTCUSDT-1m-header.csv"),
        Case("import-three-columns", Runtime, "expected at least 6 fields", "data", "import", "{dir}/BTCUSDT-1m-three-columns.csv"),
        Case("import-out-of-range", Runtime, "out-of-range.csv:2", "data", "import", "{dir}/BTCUSDT-1m-out-of-range.csv"),
        Case("import-negative-price", Runtime, "negative.csv:1", "data", "import", "{dir}/BTCUSDT-1m-negative.csv"),
        Case("import-missing-file", Usage, "no-such.csv", "data", "import", "{dir}/no-such.csv"),
        Case("import-not-market-data", Runtime, "notes.txt", "data", "import", "{dir}/notes.txt"),
        Case("import-empty-folder", Runtime, "nothing to import", "data", "import", "{dir}/sub"),
        Case("import-sql-symbol", Usage, "symbol", "data", "import", "{dir}/BTCUSDT-1m-header.csv", "--symbol", Sql),
        Case("import-bad-timeframe", Usage, "timeframe", "data", "import", "{dir}/BTCUSDT-1m-header.csv", "--timeframe", "1y"),
    ];

    private static IEnumerable<BadInputCase> DataGaps() =>
    [
        Case("gaps-sql-symbol", Usage, "symbol", "data", "gaps", "--symbol", Sql, "--timeframe", "1m"),
        Case("gaps-bad-timeframe", Usage, "timeframe", "data", "gaps", "--symbol", "BTCUSDT", "--timeframe", "-1m"),
        Case("gaps-nothing-stored", Runtime, "no SOLUSDT 1m candles stored", "data", "gaps", "--symbol", "SOLUSDT", "--timeframe", "1m"),
    ];

    private static IEnumerable<BadInputCase> DataAggregate() =>
    [
        Case("aggregate-missing-file", Usage, "no-such.csv", "data", "aggregate", "--file", "{dir}/no-such.csv"),
        Case("aggregate-missing-file-with-symbol", Usage, "no such file", "data", "aggregate", "--file", "{dir}/no-such.csv", "--symbol", "BTCUSDT"),
        Case("aggregate-empty-path", Usage, "--file needs", "data", "aggregate", "--file", "", "--symbol", "BTCUSDT"),
        Case("aggregate-directory", Usage, "is a directory", "data", "aggregate", "--file", "{dir}/sub", "--symbol", "BTCUSDT"),
        Case("aggregate-empty-file", Runtime, "no valid trades", "data", "aggregate", "--file", "{dir}/BTCUSDT-aggTrades-2024-01-01.csv", "--store"),
        Case("aggregate-sql-symbol", Usage, "symbol", "data", "aggregate", "--file", "{dir}/BTCUSDT-aggTrades-2024-01-01.csv", "--symbol", Sql),
        Case("aggregate-bad-timeframe", Usage, "timeframe", "data", "aggregate", "--file", "{dir}/BTCUSDT-aggTrades-2024-01-01.csv", "--timeframe", "2q"),
        Case("aggregate-bad-label", Usage, "--label", "data", "aggregate", "--file", "{dir}/BTCUSDT-aggTrades-2024-01-01.csv", "--label", "Middle"),
    ];

    private static IEnumerable<BadInputCase> DataResample() =>
    [
        Case("resample-not-a-multiple", Usage, "multiple", "data", "resample", "--symbol", "BTCUSDT", "--timeframe", "1m", "--from", "1h"),
        Case("resample-sql-symbol", Usage, "symbol", "data", "resample", "--symbol", Sql, "--timeframe", "1h"),
        Case("resample-bad-from", Usage, "timeframe", "data", "resample", "--symbol", "BTCUSDT", "--timeframe", "1h", "--from", "x"),
        Case("resample-nothing-stored", Runtime, "no SOLUSDT 1m candles stored", "data", "resample", "--symbol", "SOLUSDT", "--timeframe", "1h"),
    ];

    private static IEnumerable<BadInputCase> TradeStart() =>
    [
        Case("start-unknown-bot", Usage, "nosuch", "trade", "start", "--bot", "nosuch"),
        Case("start-empty-bot-name", Usage, "name", "trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--name", ""),
        Case("start-long-bot-name", Usage, "name", "trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--name", LongName),
        Case("start-newline-bot-name", Usage, "name", "trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--name", "a\nb"),
        Case("start-ansi-bot-name", Usage, "name", "trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--name", "a\u001b[31mred"),
        Case("start-unknown-strategy", Usage, "nosuch", "trade", "start", "--strategy", "nosuch", "--symbol", "BTCUSDT"),
        Case("start-sql-symbol", Usage, "symbol", "trade", "start", "--strategy", "rsi", "--symbol", Sql),
        Case("start-bad-timeframe", Usage, "timeframe", "trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--timeframe", "fast"),
        Case("start-bad-param", Usage, "period", "trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--param", "period=-3"),
        Case("start-bad-mode", Usage, "mode", "trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--mode", "yolo"),
        Case("start-live-unconfirmed", Usage, "live", "trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--mode", "live"),
        Case("start-without-strategy", Usage, "--strategy", "trade", "start", "--symbol", "BTCUSDT"),
    ];

    private static IEnumerable<BadInputCase> TradeStop() =>
    [
        Case("stop-unknown-bot", Usage, "unknown bot", "trade", "stop", "--bot", "nosuch"),
        Case("stop-empty-bot", Usage, "name", "trade", "stop", "--bot", ""),
        Case("stop-zero-timeout", Usage, "--timeout", "trade", "stop", "--bot", "nosuch", "--timeout", "0"),
        Case("stop-text-timeout", Usage, "--timeout", "trade", "stop", "--bot", "nosuch", "--timeout", "soon"),
    ];

    private static IEnumerable<BadInputCase> TradeStatus() =>
    [
        Case("status-unknown-bot", Usage, "unknown bot", "trade", "status", "--bot", "nosuch"),
        Case("status-ansi-bot", Usage, "name", "trade", "status", "--bot", "\u001b[2J"),
    ];

    private static IEnumerable<BadInputCase> OrderPlace(string side) =>
    [
        Case($"{side}-zero-quantity", Usage, "--quantity", "order", side, "--symbol", "BTCUSDT", "--quantity", "0"),
        Case($"{side}-negative-quantity", Usage, "--quantity", "order", side, "--symbol", "BTCUSDT", "--quantity", "-1"),
        Case($"{side}-text-quantity", Usage, "--quantity", "order", side, "--symbol", "BTCUSDT", "--quantity", "lots"),
        Case($"{side}-negative-price", Usage, "--price", "order", side, "--symbol", "BTCUSDT", "--quantity", "0.01", "--price", "-5"),
        Case($"{side}-huge-quantity", Usage, "at most 1,000,000,000,000", "order", side, "--symbol", "BTCUSDT", "--quantity", "79228162514264337593543950335", "--price", "2"),
        Case($"{side}-huge-price", Usage, "at most 1,000,000,000,000", "order", side, "--symbol", "BTCUSDT", "--quantity", "2", "--price", "1000000000001"),
        Case($"{side}-sql-symbol", Usage, "symbol", "order", side, "--symbol", Sql, "--quantity", "0.01"),
    ];

    private static IEnumerable<BadInputCase> OrderCancelAndList() =>
    [
        Case("cancel-unknown-id", Runtime, "no order with id nosuch", "order", "cancel", "--id", "nosuch"),
        Case("list-zero-limit", Usage, "--limit", "order", "list", "--limit", "0"),
        Case("list-text-limit", Usage, "--limit", "order", "list", "--limit", "many"),
    ];

    private static string[] Run(params string[] extra) =>
        ["backtest", "run", "--strategy", "rsi", "--symbol", "ETHUSDT", "--from", "2024-01-01", "--to", "2024-01-01", .. extra];

    private static IEnumerable<BadInputCase> BacktestRun() =>
    [
        Case("run-unknown-strategy", Usage, "nosuch", "backtest", "run", "--strategy", "nosuch", "--symbol", "ETHUSDT", "--from", "2024-01-01", "--to", "2024-01-01"),
        Case("run-unknown-symbol", Usage, "SOLUSDT", "backtest", "run", "--strategy", "rsi", "--symbol", "SOLUSDT", "--from", "2024-01-01", "--to", "2024-01-01"),
        Case("run-sql-symbol", Usage, "symbol", "backtest", "run", "--strategy", "rsi", "--symbol", Sql, "--from", "2024-01-01", "--to", "2024-01-01"),
        Case("run-bad-from", Usage, "--from", "backtest", "run", "--strategy", "rsi", "--symbol", "ETHUSDT", "--from", "first-of-january", "--to", "2024-01-01"),
        Case("run-to-before-from", Usage, "--to", "backtest", "run", "--strategy", "rsi", "--symbol", "ETHUSDT", "--from", "2024-01-02", "--to", "2024-01-01"),
        Case("run-dates-far-outside", Usage, "outside", "backtest", "run", "--strategy", "rsi", "--symbol", "ETHUSDT", "--from", "0001-01-01", "--to", "9999-12-31"),
        Case("run-bad-timeframe", Usage, "timeframe", Run("--timeframe", "13m")),
        Case("run-zero-balance", Usage, "--balance", Run("--balance", "0")),
        Case("run-negative-fee", Usage, "--fee-bps", Run("--fee-bps", "-1")),
        Case("run-huge-fee", Usage, "--fee-bps", Run("--fee-bps", "100000")),
        Case("run-negative-slippage", Usage, "--slippage-bps", Run("--slippage-bps", "-2")),
        Case("run-unknown-param", Usage, "nosuch", Run("--param", "nosuch=1")),
        Case("run-param-out-of-range", Usage, "period", Run("--param", "period=100000")),
        Case("run-bad-filters", Usage, "filters", Run("--filters", "tick=-1")),
        Case("run-bad-sizing", Usage, "sizing", Run("--sizing", "all_in:9")),
        Case("run-negative-stop-loss", Usage, "stop-loss", Run("--stop-loss-pct", "-1")),
        Case("run-huge-stop-loss", Usage, "stop-loss", Run("--stop-loss-pct", "150")),
        Case("run-negative-take-profit", Usage, "take-profit", Run("--take-profit-pct", "-1")),
        Case("run-html-is-the-store", Usage, "--html", Run("--html", "{store}")),
        Case("run-html-is-a-directory", Usage, "directory", Run("--html", "{dir}")),
        Case("run-html-missing-parent", Usage, "/nonexistent/dir", Run("--html", "/nonexistent/dir/r.html")),
        Case("run-html-is-a-config-file", Usage, "config", Run("--html", "{dir}/config/settings.yaml")),
    ];

    private static IEnumerable<BadInputCase> BacktestReportAndList() =>
    [
        Case("report-unknown-id", Usage, "nosuch", "backtest", "report", "--id", "nosuch"),
        Case("report-html-is-the-store", Usage, "--html", "backtest", "report", "--html", "{store}"),
        Case("list-zero-runs", Usage, "--limit", "backtest", "list", "--limit", "0"),
    ];

    private static string[] Optimize(params string[] extra) =>
        ["backtest", "optimize", "--strategy", "rsi", "--symbol", "ETHUSDT", "--from", "2024-01-01", "--to", "2024-01-01", "--param", "period=5..7:1", .. extra];

    private static IEnumerable<BadInputCase> BacktestOptimize() =>
    [
        Case("optimize-bad-method", Usage, "--method", Optimize("--method", "genetic")),
        Case("optimize-zero-trials", Usage, "--trials", Optimize("--method", "random", "--trials", "0")),
        Case("optimize-text-seed", Usage, "--seed", Optimize("--seed", "abc")),
        Case("optimize-bad-metric", Usage, "metric", Optimize("--metric", "luck")),
        Case("optimize-zero-jobs", Usage, "--jobs", Optimize("--jobs", "0")),
        Case("optimize-bad-walk-forward", Usage, "walk-forward", Optimize("--walk-forward", "folds=x")),
        Case("optimize-backwards-range", Usage, "period", "backtest", "optimize", "--strategy", "rsi", "--symbol", "ETHUSDT", "--from", "2024-01-01", "--to", "2024-01-01", "--param", "period=9..3:1"),
        Case("optimize-unknown-symbol", Usage, "SOLUSDT", "backtest", "optimize", "--strategy", "rsi", "--symbol", "SOLUSDT", "--from", "2024-01-01", "--to", "2024-01-01", "--param", "period=5..7:1"),
    ];

    private static IEnumerable<BadInputCase> Portfolio() =>
    [
        Case("history-zero-days", Usage, "--days", "portfolio", "history", "--days", "0"),
        Case("history-huge-days", Usage, "--days", "portfolio", "history", "--days", "999999999"),
        Case("history-text-days", Usage, "--days", "portfolio", "history", "--days", "week"),
    ];

    private static IEnumerable<BadInputCase> Strategy() =>
    [
        Case("info-unknown-strategy", Usage, "nosuch", "strategy", "info", "--name", "nosuch"),
        Case("new-bad-name", Usage, "snake_case", "strategy", "new", "--name", "Bad Name", "--dir", "{dir}/strategies"),
        Case("new-builtin-name", Usage, "rsi", "strategy", "new", "--name", "rsi", "--dir", "{dir}/strategies"),
        Case("new-dir-is-a-file", Usage, "notes.txt", "strategy", "new", "--name", "mine", "--dir", "{dir}/notes.txt"),
        Case("new-dir-nul-character", Usage, "not a valid folder path", "strategy", "new", "--name", "mine", "--dir", "a\0b"),
    ];

    private static IEnumerable<BadInputCase> Exchange() =>
    [
        Case("info-sql-symbol", Usage, "symbol", "exchange", "info", "--symbol", Sql),
        Case("info-no-filters", Runtime, "no filters stored for SOLUSDT", "exchange", "info", "--symbol", "SOLUSDT"),
        Case("simulate-missing-data", Usage, "no-such", "exchange", "simulate", "--data", "{dir}/no-such"),
        Case("simulate-bad-port", Usage, "--port", "exchange", "simulate", "--data", "{dir}/BTCUSDT-1m-header.csv", "--port", "70000"),
        Case("simulate-negative-speed", Usage, "--speed", "exchange", "simulate", "--data", "{dir}/BTCUSDT-1m-header.csv", "--speed", "-1"),
        Case("simulate-bad-replay-from", Usage, "--replay-from", "exchange", "simulate", "--data", "{dir}/BTCUSDT-1m-header.csv", "--replay-from", "later"),
    ];
}
