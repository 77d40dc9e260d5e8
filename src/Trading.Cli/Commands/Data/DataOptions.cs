using System.CommandLine;
using Trading.Core.Model;
using Symbol = Trading.Core.Model.Symbol;
using Timeframe = Trading.Core.Model.Timeframe;

namespace Trading.Cli.Commands.Data;

/// <summary>The --symbol and --timeframe options of the data commands, parsed into domain types with one-line errors.</summary>
internal static class DataOptions
{
    public static Option<string?> Symbol(string description) => new("--symbol") { Description = description };

    public static Option<string?> Timeframe(string description) => new("--timeframe") { Description = description };

    public static Option<string?> Market(string description) => new("--market") { Description = description };

    private delegate bool TryParser<T>(string? text, out T value);

    /// <summary>Parses an optional symbol; on bad input prints `error: ...` and returns false.</summary>
    public static bool TryGetSymbol(ParseResult parse, Option<string?> option, out Symbol? symbol) =>
        TryGet(parse.GetValue(option), Trading.Core.Model.Symbol.TryParse, out symbol,
            text => $"invalid symbol '{text}': expected letters and digits such as BTCUSDT");

    public static bool TryGetTimeframe(ParseResult parse, Option<string?> option, out Timeframe? timeframe) =>
        TryGet(parse.GetValue(option), Trading.Core.Model.Timeframe.TryParse, out timeframe,
            text => $"unknown timeframe '{text}': expected one of {string.Join(' ', Trading.Core.Model.Timeframe.Values.Select(t => t.Name))}");

    public static bool TryGetMarket(ParseResult parse, Option<string?> option, out MarketType? market) =>
        TryGet(parse.GetValue(option), MarketNames.TryParse, out market, text => $"unknown market '{text}': expected {MarketNames.Choices}");

    private static bool TryGet<T>(string? text, TryParser<T> tryParse, out T? value, Func<string, string> error)
        where T : struct
    {
        value = null;
        if (text is null) return true;
        if (tryParse(text, out var parsed))
        {
            value = parsed;
            return true;
        }
        Console.Error.WriteLine($"error: {error(text)}");
        return false;
    }

    /// <summary>The time as yyyy-MM-dd HH:mm, or "-" for a time no calendar holds (a series with no rows).</summary>
    public static string Time(long unixMs) =>
        unixMs < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || unixMs > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? "-"
            : DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
