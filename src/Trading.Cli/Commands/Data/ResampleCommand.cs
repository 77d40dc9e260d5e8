using System.CommandLine;
using Trading.Cli.Commands.Db;
using Trading.Services.Import;

namespace Trading.Cli.Commands.Data;

/// <summary><c>trading data resample --symbol S --timeframe 1h [--from 1m] [--skip-partial]</c>: stored 1m into stored 1h (any multiple).</summary>
public static class ResampleCommand
{
    private const int MaxListed = 20;

    public static Command Create()
    {
        var symbol = DataOptions.Symbol("Symbol, e.g. BTCUSDT");
        var timeframe = DataOptions.Timeframe("Target timeframe, e.g. 1h");
        var from = new Option<string?>("--from") { Description = "Stored source timeframe (default 1m)" };
        var skipPartial = new Option<bool>("--skip-partial") { Description = "Drop buckets with missing source candles instead of building them from what exists" };
        symbol.Required = true;
        timeframe.Required = true;
        var command = new Command("resample", "Build a coarser stored series from a finer one (Binance alignment)");
        foreach (var option in new Option[] { symbol, timeframe, from, skipPartial }) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            if (!DataOptions.TryGetSymbol(parse, symbol, out var s) || !DataOptions.TryGetTimeframe(parse, timeframe, out var target)
                || !DataOptions.TryGetTimeframe(parse, from, out var source))
                return TradingCli.UsageError;
            var sourceTf = source ?? Core.Model.Timeframe.M1;
            if (target!.Value.DurationMs <= sourceTf.DurationMs || target.Value.DurationMs % sourceTf.DurationMs != 0)
            {
                await Console.Error.WriteLineAsync($"error: cannot resample {sourceTf} into {target}: the target must be a multiple of the source");
                return TradingCli.UsageError;
            }
            return await StoreCommand.ReadAsync(parse, ct, async (store, _) =>
            {
                var (written, partial) = await StoredSeriesResampler.ResampleAsync(store.Candles, s!.Value, sourceTf, target.Value, parse.GetValue(skipPartial), ct);
                if (written == 0 && partial.Count == 0) return await NothingToResample(s.Value, sourceTf);
                foreach (var p in partial.Take(MaxListed))
                    Console.WriteLine($"partial {DataOptions.Time(p.Candle.OpenTimeMs)}: {p.SourceCount} of {p.ExpectedSourceCount} {sourceTf} candles");
                var verb = parse.GetValue(skipPartial) ? "skipped" : "built from what exists";
                Console.WriteLine($"wrote {written:N0} {s} {target} candles from {sourceTf}; {partial.Count} partial bucket(s) {verb}");
                return 0;
            }, _ => NothingToResample(s!.Value, sourceTf));
        });
        return command;
    }

    private static async Task<int> NothingToResample(Core.Model.Symbol symbol, Core.Model.Timeframe source)
    {
        await Console.Error.WriteLineAsync($"error: no {symbol} {source} candles stored to resample");
        return StoreCommand.RuntimeError;
    }
}
