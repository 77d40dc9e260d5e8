using System.CommandLine;
using System.Globalization;
using Trading.Cli.Commands.Db;
using Trading.Core.Data;
using Trading.Core.Model;
using Symbol = Trading.Core.Model.Symbol;
using Timeframe = Trading.Core.Model.Timeframe;
using Trading.Services.Import;

namespace Trading.Cli.Commands.Data;

/// <summary>
/// <c>trading data aggregate --file F --timeframe 1m [--symbol S] [--label open|close] [--fill-empty] [--store]</c>:
/// builds candles from a trades/aggTrades file; prints them as CSV, or stores them with --store.
/// </summary>
public static class AggregateCommand
{
    public static Command Create()
    {
        var file = new Option<string>("--file") { Description = "A data.binance.vision trades or aggTrades file (.csv or .zip)", Required = true };
        var symbol = DataOptions.Symbol("Symbol (default: from the file name)");
        var timeframe = DataOptions.Timeframe("Candle timeframe (default 1m)");
        var label = new Option<CandleLabel>("--label") { Description = "Time column: open (exchange convention) or close (right-aligned end of bucket)", DefaultValueFactory = _ => CandleLabel.Open };
        var fillEmpty = new Option<bool>("--fill-empty") { Description = "Emit flat zero-volume candles for intervals without trades" };
        var storeOption = new Option<bool>("--store") { Description = "Store the candles instead of printing them" };
        var command = new Command("aggregate", "Build candles from a trades or aggTrades file");
        foreach (var option in new Option[] { file, symbol, timeframe, label, fillEmpty, storeOption }) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            if (!DataOptions.TryGetSymbol(parse, symbol, out var s) || !DataOptions.TryGetTimeframe(parse, timeframe, out var tf))
                return TradingCli.UsageError;
            var path = parse.GetValue(file) ?? "";
            if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
            {
                await Console.Error.WriteLineAsync(string.IsNullOrWhiteSpace(path)
                    ? "error: --file needs a trades or aggTrades file"
                    : $"error: --file '{path}': {(Directory.Exists(path) ? "is a directory, not a file" : "no such file")}");
                return TradingCli.UsageError;
            }
            s ??= SeriesNameInference.Infer(path).Symbol;
            if (s is null)
            {
                await Console.Error.WriteLineAsync($"error: cannot tell the symbol from '{Path.GetFileName(path)}'; pass --symbol");
                return TradingCli.UsageError;
            }
            IReadOnlyList<TradeTick> trades;
            try
            {
                (trades, var problems) = TradeFileReader.Read(path);
                foreach (var problem in problems) await Console.Error.WriteLineAsync($"skipped {problem}");
            }
            catch (KlineFileException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return StoreCommand.RuntimeError;
            }
            var candles = TradeCandleAggregator.Aggregate(trades, s.Value, tf ?? Timeframe.M1, parse.GetValue(fillEmpty));
            if (candles.Count == 0)
            {
                await Console.Error.WriteLineAsync($"error: {path}: no valid trades");
                return StoreCommand.RuntimeError;
            }
            if (!parse.GetValue(storeOption))
            {
                WriteCsv(candles, parse.GetValue(label));
                return 0;
            }
            return await StoreCommand.RunAsync(parse, ct, async (store, description) =>
            {
                var written = await store.Candles.UpsertAsync(candles, ct);
                Console.WriteLine($"stored {written:N0} {s} {candles[0].Timeframe} candles from {trades.Count:N0} trades in {description}");
                return 0;
            }, migrate: true);
        });
        return command;
    }

    private static void WriteCsv(IReadOnlyList<Candle> candles, CandleLabel label)
    {
        var output = Console.Out;
        output.WriteLine($"{(label == CandleLabel.Close ? "close_time" : "open_time")},open,high,low,close,volume,quote_volume,trades");
        foreach (var c in candles)
        {
            var time = DateTimeOffset.FromUnixTimeMilliseconds(c.LabelTimeMs(label)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{time},{c.Open},{c.High},{c.Low},{c.Close},{c.Volume},{c.QuoteVolume},{c.TradeCount}"));
        }
    }
}
