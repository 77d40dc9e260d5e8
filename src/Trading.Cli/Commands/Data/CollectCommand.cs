using System.CommandLine;
using Microsoft.Extensions.Logging;
using Trading.Binance;
using Trading.Cli.Commands.Db;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Symbol = Trading.Core.Model.Symbol;
using Trading.Services;
using Trading.Services.MarketData;

namespace Trading.Cli.Commands.Data;

/// <summary>
/// <c>trading data collect --symbol BTCUSDT [--symbol ETHUSDT] --timeframe 1m [--timeframe 1h]</c>: live candles from the
/// Binance WebSocket (BINANCE_WS_URL) into the store, gap-filled over REST (BINANCE_BASE_URL), until Ctrl+C.
/// </summary>
public static class CollectCommand
{
    public static Command Create()
    {
        var symbols = new Option<string[]>("--symbol") { Description = "Symbol(s), e.g. BTCUSDT; repeat or comma-separate", Required = true, AllowMultipleArgumentsPerToken = true };
        var timeframes = new Option<string[]>("--timeframe") { Description = "Timeframe(s), e.g. 1m (the default); repeat or comma-separate", DefaultValueFactory = _ => ["1m"], AllowMultipleArgumentsPerToken = true };
        var from = new Option<string?>("--from") { Description = "Where to start a series the store does not have yet (default: the last 1000 bars)" };
        var command = new Command("collect", "Collect live candles over WebSocket (Ctrl+C stops)");
        foreach (var option in new Option[] { symbols, timeframes, from }) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            if (!TryParseSeries(parse.GetValue(symbols) ?? [], parse.GetValue(timeframes) ?? [], out var series)) return TradingCli.UsageError;
            long? fromMs = null;
            if (parse.GetValue(from) is { } fromText)
            {
                if (!DateOption.TryParse(fromText, "--from", out var fromTime)) return TradingCli.UsageError;
                fromMs = fromTime.ToUnixTimeMilliseconds();
            }
            if (!CliSettings.TryLoad(parse, out var settings, out var exit)) return exit;

            return await StoreCommand.RunAsync(parse, ct, async (store, description) =>
            {
                using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
                using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
                await using var bus = await MessageBusFactory.CreateAsync(settings, TimeProvider.System, loggers, ct);
                var client = new BinanceMarketDataClient(http, new BinanceClientOptions { BaseUrl = new Uri(settings.BinanceBaseUrl) },
                    logger: loggers.CreateLogger<BinanceMarketDataClient>());
                var collector = new CandleCollector(client, store.Candles, bus, new MarketConnectionHealth(), new CollectorOptions
                {
                    Series = series,
                    WebSocketUrl = new Uri(settings.BinanceWsUrl),
                    BackfillFromMs = fromMs,
                }, loggers.CreateLogger<CandleCollector>());
                var printers = series.Select(s => s.Symbol).Distinct().Select(symbol => bus.SubscribeAsync(StreamNames.Candles(symbol), "cli", (message, _) =>
                {
                    var c = message.Deserialize<CandleMessage>();
                    Console.WriteLine($"{c.Symbol} {c.Timeframe} {DataOptions.Time(c.OpenTimeMs)} O {c.Open} H {c.High} L {c.Low} C {c.Close} V {c.Volume}");
                    return ValueTask.CompletedTask;
                }, ct)).ToList();
                await Console.Error.WriteLineAsync($"collecting {string.Join(", ", series.Select(s => $"{s.Symbol} {s.Timeframe}"))} into {description}; Ctrl+C stops");
                var failure = await BinanceFailures.CatchAsync(() => collector.RunAsync(ct));
                await Console.Error.WriteLineAsync("collector stopped");
                return failure ?? 0;
            }, migrate: true);
        });
        return command;
    }

    private static bool TryParseSeries(string[] symbolTexts, string[] timeframeTexts, out List<(Symbol Symbol, Timeframe Timeframe)> series)
    {
        series = [];
        var symbols = new List<Symbol>();
        foreach (var text in symbolTexts.SelectMany(Split))
        {
            if (!Symbol.TryParse(text, out var symbol))
            {
                Console.Error.WriteLine($"error: invalid symbol '{text}': expected letters and digits such as BTCUSDT");
                return false;
            }
            symbols.Add(symbol);
        }
        var timeframes = new List<Timeframe>();
        foreach (var text in timeframeTexts.SelectMany(Split))
        {
            if (!Timeframe.TryParse(text, out var timeframe))
            {
                Console.Error.WriteLine($"error: unknown timeframe '{text}': expected one of {string.Join(' ', Timeframe.Values.Select(t => t.Name))}");
                return false;
            }
            timeframes.Add(timeframe);
        }
        series = [.. symbols.Distinct().SelectMany(s => timeframes.Distinct().Select(t => (s, t)))];
        return true;
    }

    private static IEnumerable<string> Split(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
