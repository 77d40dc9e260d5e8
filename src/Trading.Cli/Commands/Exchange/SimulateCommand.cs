using System.CommandLine;
using Trading.Binance.Simulator;
using Trading.Cli.Commands.Data;
using Trading.Core.Model;
using Symbol = Trading.Core.Model.Symbol;
using Trading.Services.Import;

namespace Trading.Cli.Commands.Exchange;

/// <summary>
/// <c>trading exchange simulate --data PATH... --port N [--speed N] [--replay-from DATE] [--spread-bps N] [--depth-levels N]</c>: a Binance-compatible
/// server on 127.0.0.1 serving the data's history over REST and replaying the rest on the kline stream, until Ctrl+C.
/// </summary>
public static class SimulateCommand
{
    private const int DefaultReplayBars = 1000;

    public static Command Create()
    {
        var data = new Option<string[]>("--data") { Description = "Store directory (with trading.db) or kline .zip/.csv files and folders", Required = true, AllowMultipleArgumentsPerToken = true };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 9000 };
        var speed = new Option<double>("--speed") { Description = "Replay speed: 1 real time, N times faster, 0 as fast as clients read", DefaultValueFactory = _ => 1 };
        var replayFrom = new Option<string?>("--replay-from") { Description = $"First bar replayed on the stream (default: the last half of each series, at most {DefaultReplayBars} bars)" };
        var spread = new Option<decimal>("--spread-bps") { Description = "Bid-ask spread of the modelled book in basis points (docs/simulator.md)", DefaultValueFactory = _ => 1m };
        var depth = new Option<int>("--depth-levels") { Description = "Price levels per side of the modelled book, each an equal share of the last bar's volume", DefaultValueFactory = _ => 10 };
        var command = new Command("simulate", "Serve a Binance-compatible simulator");
        foreach (var option in new Option[] { data, port, speed, replayFrom, spread, depth }) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(port) is < 0 or > 65535)
                return Usage("--port must be between 0 and 65535");
            if (parse.GetValue(speed) is var s && (s < 0 || double.IsNaN(s)))
                return Usage("--speed must be 0 or more");
            if (parse.GetValue(spread) is < 0 or > 1000)
                return Usage("--spread-bps must be between 0 and 1000");
            if (parse.GetValue(depth) is < 1 or > 1000)
                return Usage("--depth-levels must be between 1 and 1000");
            long? replayFromMs = null;
            if (parse.GetValue(replayFrom) is { } text)
            {
                if (!DateOption.TryParse(text, "--replay-from", out var time)) return TradingCli.UsageError;
                replayFromMs = time.ToUnixTimeMilliseconds();
            }
            List<Candle> candles;
            try
            {
                candles = await SimulatorDataLoader.LoadAsync(parse.GetValue(data) ?? [], ct);
            }
            catch (KlineFileException e)
            {
                return Usage(e.Message);
            }
            if (candles.Count == 0) return Usage("no candles found in --data");

            var market = new SimulatedMarket();
            foreach (var series in candles.GroupBy(c => (c.Symbol, c.Timeframe)))
            {
                var ordered = series.OrderBy(c => c.OpenTimeMs).ToList();
                market.Add(ordered, replayFromMs ?? ordered[ordered.Count - Math.Min(DefaultReplayBars, (ordered.Count + 1) / 2)].OpenTimeMs);
            }
            var trading = new Trading.Binance.Simulator.Matching.SimulatorTradingOptions { SpreadBps = parse.GetValue(spread), DepthLevels = parse.GetValue(depth) };
            await using var simulator = new BinanceSimulator(market, new SimulatorOptions { Port = parse.GetValue(port), Speed = s, Trading = trading });
            var url = await simulator.StartAsync(ct);
            Console.WriteLine($"Binance simulator on {url} (streams at {simulator.WebSocketUrl}stream?streams=...)");
            foreach (var series in market.Series)
                Console.WriteLine($"  {series.Symbol} {series.Timeframe}: {series.ReplayStartIndex:N0} bars of history, {series.Candles.Count - series.ReplayStartIndex:N0} to replay at speed {s}");
            Console.WriteLine($"Point the platform at it: BINANCE_BASE_URL={url.ToString().TrimEnd('/')} BINANCE_WS_URL={simulator.WebSocketUrl.ToString().TrimEnd('/')}");
            Console.WriteLine("Faults: POST /sim/faults {\"kind\":\"drop|malformed|shutdown|rate-limit|ban|clear|server-error|delay\"}. Ctrl+C stops.");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C.
            }
            return 0;
        });
        return command;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return TradingCli.UsageError;
    }
}
