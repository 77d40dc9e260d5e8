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

    /// <summary>Parses an optional symbol; on bad input prints `error: ...` and returns false.</summary>
    public static bool TryGetSymbol(ParseResult parse, Option<string?> option, out Symbol? symbol)
    {
        symbol = null;
        var text = parse.GetValue(option);
        if (text is null) return true;
        if (Trading.Core.Model.Symbol.TryParse(text, out var parsed))
        {
            symbol = parsed;
            return true;
        }
        Console.Error.WriteLine($"error: invalid symbol '{text}': expected letters and digits such as BTCUSDT");
        return false;
    }

    public static bool TryGetTimeframe(ParseResult parse, Option<string?> option, out Timeframe? timeframe)
    {
        timeframe = null;
        var text = parse.GetValue(option);
        if (text is null) return true;
        if (Trading.Core.Model.Timeframe.TryParse(text, out var parsed))
        {
            timeframe = parsed;
            return true;
        }
        Console.Error.WriteLine($"error: unknown timeframe '{text}': expected one of {string.Join(' ', Trading.Core.Model.Timeframe.Values.Select(t => t.Name))}");
        return false;
    }

    public static string Time(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
