namespace Trading.Cli.Tests.BadInput.Fuzz;

/// <summary>
/// The values drawn for an option or argument, chosen by its name and value type: valid ones, boundaries and garbage.
/// <c>{dir}</c> stands for the run's scratch folder, which is also the working directory, so a relative path lands there.
/// </summary>
internal static class FuzzValues
{
    public static readonly string[] Garbage =
        ["", " ", "-", "--", "\0", "\n", "\u001b[31m", "ÄÖÜ✓", "' OR 1=1 --", "%s%n", "../../etc/passwd", new string('x', 5000), "NaN", "-0", "1e309"];

    public static readonly string[] Ints = ["0", "1", "2", "3", "-1", "2147483647", "-2147483648", "2147483648", "1e3", "0x10", "3.5"];

    public static readonly string[] Decimals =
        ["0", "0.01", "1", "-1", "10000", "1e30", "79228162514264337593543950335", "79228162514264337593543950336", "0.000000000000000000000000001"];

    private static readonly string[] Paths =
        ["{dir}/ETHUSDT-1m-2024-01-01.csv", "{dir}/BTCUSDT-1m-empty.csv", "{dir}/BTCUSDT-1m-three-columns.csv", "{dir}/notes.txt", "{dir}",
         "{dir}/missing.csv", "{dir}/data/trading.db", "{dir}/config/settings.yaml", "/nonexistent/dir/r.html", "out.html", "{dir}/report.html"];

    private static readonly string[] Dates =
        ["2024-01-01", "2024-01-02", "2024-01-01T12:00:00Z", "1970-01-01", "2099-12-31", "0001-01-01", "9999-12-31", "2024-02-30", "yesterday"];

    /// <summary>Values by option or argument name; a name not listed draws from its type alone.</summary>
    private static readonly Dictionary<string, string[]> ByName = new(StringComparer.Ordinal)
    {
        ["--symbol"] = ["ETHUSDT", "SOLUSDT", "ethusdt", "ETH", "BTC'; DROP TABLE candles;--", "ETHUSDT,SOLUSDT"],
        ["--timeframe"] = ["1m", "5m", "1h", "1d", "1w", "1M", "0m", "1y", "-1m", "99999999999m"],
        ["--from"] = Dates,
        ["--to"] = Dates,
        ["--replay-from"] = Dates,
        ["--strategy"] = ["rsi", "sma_crossover", "grid", "nosuch", "RSI"],
        ["--param"] = ["period=14", "period=2", "period=500", "period=501", "period=x", "nosuch=1", "=", "period", "period=5..7:1", "period=7,14",
            "period=2..40:1", "period=9..3:1", "period=5..7:0", "x=1..2:1"],
        ["--filters"] = ["tick=0.01", "tick=0.01,step=0.0001,min_notional=5", "tick=0", "tick=-1", "step=", "nonsense"],
        ["--sizing"] = ["fixed_quote:100", "risk_based:1", "equity_fraction:0.5", "fixed_quantity:0", "risk_based:-1", "all_in:1", ":"],
        ["--method"] = ["grid", "random", "genetic"],
        ["--metric"] = ["sharpe", "return", "calmar", "profit_factor", "luck"],
        ["--walk-forward"] = ["folds=2", "folds=1", "folds=50", "folds=51", "folds=0", "folds=x", "2"],
        ["--bot"] = ["nosuch", "rsi-ETHUSDT-1m", "a", "a b", "a\nb", "bot_1"],
        ["--name"] = ["rsi", "grid", "nosuch", "my_strategy", "Bad Name", "_x", "data-collector", "platform"],
        ["name"] = ["data-collector", "strategy-engine", "order-executor", "portfolio-manager", "nosuch"],
        ["--id"] = ["latest", "nosuch", "bt-", "1", "0", "-1"],
        ["--reason"] = ["maintenance", "a\nb"],
        ["--label"] = ["Open", "Close", "open", "Middle"],
        ["--mode"] = ["dry-run", "paper", "testnet", "live", "LIVE", "backtest"],
        ["--port"] = ["0", "1", "80", "65535", "65536", "-1"],
        ["--speed"] = ["0", "1", "1000", "-1", "NaN", "Infinity"],
        ["--days"] = ["1", "7", "36500", "36501", "0", "-1", "2147483647"],
        ["--timeout"] = ["1", "30", "0", "-1", "2147483647", "x"],
    };

    public static string[] For(string name, Type valueType)
    {
        var own = ByName.GetValueOrDefault(name) ?? (IsPath(name) ? Paths : []);
        var typed = Underlying(valueType) switch
        {
            var t when t == typeof(int) || t == typeof(long) => Ints,
            var t when t == typeof(decimal) || t == typeof(double) => Decimals,
            _ => [],
        };
        return [.. own, .. typed, .. Garbage];
    }

    /// <summary>True for the flags: a bool option takes no value.</summary>
    public static bool IsFlag(Type valueType) => valueType == typeof(bool);

    private static bool IsPath(string name) =>
        name is "--html" or "--file" or "--dir" or "--data" or "PATH";

    private static Type Underlying(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        return Nullable.GetUnderlyingType(element) ?? element;
    }
}
