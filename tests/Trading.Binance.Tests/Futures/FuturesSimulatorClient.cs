using Trading.Binance.Futures;
using Trading.Binance.Orders;
using Trading.Binance.Simulator;
using Trading.Binance.Simulator.Futures;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Binance;

namespace Trading.Binance.Tests.Futures;

/// <summary>A simulator with five history bars (nothing replays) and a /fapi client signed with its test key.</summary>
internal static class FuturesSimulatorClient
{
    public static async Task<(TradingHarness Harness, BinanceFuturesClient Client)> StartAsync(FuturesSimulatorOptions? futures = null, BinanceCredentials? credentials = null)
    {
        var candles = TestCandles.Generate(6);
        var h = await TradingHarness.StartAsync(candles, candles[^1].OpenTimeMs, new SimulatorOptions { Futures = futures ?? new FuturesSimulatorOptions() });
        return (h, new BinanceFuturesClient(h.Http, credentials ?? TradingHarness.TestCredentials, TradingHarness.FastOptions with { BaseUrl = h.Simulator.BaseUrl }));
    }
}
