using System.CommandLine;
using Spectre.Console;
using Trading.Binance;
using Trading.Cli.Commands.Db;
using Trading.Services.MarketData;

namespace Trading.Cli.Commands.Data;

/// <summary><c>trading data history --symbol S [--timeframe 1m] --from DATE [--to DATE]</c>: backfill from Binance REST with a progress bar.</summary>
public static class HistoryCommand
{
    public static Command Create()
    {
        var symbol = DataOptions.Symbol("Symbol, e.g. BTCUSDT");
        var timeframe = DataOptions.Timeframe("Timeframe, e.g. 1h (default 1m)");
        timeframe.DefaultValueFactory = _ => "1m";
        var from = new Option<string>("--from") { Description = "First open time (UTC), e.g. 2024-01-01", Required = true };
        var to = new Option<string?>("--to") { Description = "Last open time (UTC); default now" };
        symbol.Required = true;
        var command = new Command("history", "Backfill candles from Binance REST (BINANCE_BASE_URL)");
        foreach (var option in new Option[] { symbol, timeframe, from, to }) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            if (!DataOptions.TryGetSymbol(parse, symbol, out var s) || !DataOptions.TryGetTimeframe(parse, timeframe, out var tf)
                || !DateOption.TryParse(parse.GetValue(from), "--from", out var fromTime))
                return TradingCli.UsageError;
            var toTime = DateTimeOffset.UtcNow;
            if (parse.GetValue(to) is { } toText && !DateOption.TryParse(toText, "--to", out toTime)) return TradingCli.UsageError;
            if (fromTime > toTime)
            {
                await Console.Error.WriteLineAsync($"error: --from {fromTime:yyyy-MM-dd HH:mm} is after --to {toTime:yyyy-MM-dd HH:mm}");
                return TradingCli.UsageError;
            }
            if (!CliSettings.TryLoad(parse, out var settings, out var exit)) return exit;

            return await StoreCommand.RunAsync(parse, ct, async (store, _) =>
            {
                using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
                var client = new BinanceMarketDataClient(http, new BinanceClientOptions { BaseUrl = new Uri(settings.BinanceBaseUrl) });
                var backfiller = new CandleBackfiller(client, store.Candles);
                var fromMs = fromTime.ToUnixTimeMilliseconds();
                var toMs = toTime.ToUnixTimeMilliseconds();
                var expected = Math.Max(1, (toMs - fromMs) / tf!.Value.DurationMs + 1);
                long stored = 0;
                var console = CliConsole.Create();
                var failure = await BinanceFailures.CatchAsync(() => console.Progress().StartAsync(async progress =>
                {
                    var bar = progress.AddTask($"{s} {tf} from Binance", maxValue: expected);
                    stored = await backfiller.RunAsync(s!.Value, tf.Value, fromMs, toMs, (page, _) =>
                    {
                        bar.Increment(page.Count);
                        return ValueTask.CompletedTask;
                    }, ct);
                    bar.Value = bar.MaxValue;
                }));
                if (failure is not null) return failure.Value;
                if (stored == 0)
                {
                    await Console.Error.WriteLineAsync($"error: {s} {tf}: the exchange returned no candles from {DataOptions.Time(fromMs)} to {DataOptions.Time(toMs)}; nothing stored");
                    return StoreCommand.RuntimeError;
                }
                console.WriteLine($"{s} {tf}: stored {stored:N0} candle(s) from {DataOptions.Time(fromMs)} to {DataOptions.Time(toMs)}");
                return 0;
            }, migrate: true);
        });
        return command;
    }
}
