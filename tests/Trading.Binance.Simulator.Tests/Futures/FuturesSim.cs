using System.Globalization;
using System.Text.Json;
using Shouldly;
using Trading.Binance.Simulator.Futures;
using Trading.Binance.Streams;
using Trading.Core.Model;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Binance;

namespace Trading.Binance.Simulator.Tests.Futures;

/// <summary>Helpers for the /fapi tests: set a symbol up as the TradeFinder document does, place orders, replay bars.</summary>
internal static class FuturesSim
{
    public static readonly Symbol Btc = TestCandles.BtcUsdt;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<TradingHarness> StartAsync(IReadOnlyList<Candle> candles, long replayFromMs, FuturesSimulatorOptions? futures = null) =>
        TradingHarness.StartAsync(candles, replayFromMs, new SimulatorOptions { Futures = futures ?? new FuturesSimulatorOptions() });

    /// <summary>Hedge mode (when asked), isolated margin and the leverage, each answered 200.</summary>
    public static async Task SetUpAsync(TradingHarness h, bool hedge, int leverage)
    {
        if (hedge) await OkAsync(h, HttpMethod.Post, "/fapi/v1/positionSide/dual", "dualSidePosition=true");
        await OkAsync(h, HttpMethod.Post, "/fapi/v1/marginType", "symbol=BTCUSDT&marginType=ISOLATED");
        await OkAsync(h, HttpMethod.Post, "/fapi/v1/leverage", $"symbol=BTCUSDT&leverage={leverage}");
    }

    public static async Task<JsonElement> OkAsync(TradingHarness h, HttpMethod method, string path, string parameters)
    {
        var (status, _, body) = await h.SendSignedAsync(method, path, parameters);
        status.ShouldBe(200, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The error code of a refused request (HTTP 400).</summary>
    public static async Task<int> RefusedAsync(TradingHarness h, HttpMethod method, string path, string parameters)
    {
        var (status, _, body) = await h.SendSignedAsync(method, path, parameters);
        status.ShouldBe(400, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("code").GetInt32();
    }

    public static Task<JsonElement> MarketAsync(TradingHarness h, string side, decimal quantity, string extra = "") =>
        OkAsync(h, HttpMethod.Post, "/fapi/v1/order",
            FormattableString.Invariant($"symbol=BTCUSDT&side={side}&type=MARKET&quantity={quantity}{extra}"));

    public static decimal Dec(JsonElement e, string name) => decimal.Parse(e.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    /// <summary>Subscribes to the symbol's klines (the replay waits for a listener) and returns once the bar opening at <paramref name="lastOpenMs"/> has closed.</summary>
    public static async Task ReplayThroughAsync(TradingHarness h, Timeframe timeframe, long lastOpenMs)
    {
        await using var klines = await BinanceKlineStream.ConnectAsync(h.Simulator.WebSocketUrl, [(Btc, timeframe)], Ct);
        while (await klines.ReceiveAsync(Ct) is not KlineUpdate { IsClosed: true } update || update.Candle.OpenTimeMs != lastOpenMs) { }
    }

    public static Candle Bar(long openMs, decimal open, decimal high, decimal low, decimal close) =>
        new(Btc, Timeframe.M1, openMs, open, high, low, close, 50m);
}
