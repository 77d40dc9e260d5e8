using Shouldly;
using Trading.Binance.Execution;
using Trading.Binance.Orders;
using Trading.Binance.Simulator;
using Trading.Core.Model;
using Trading.Services.Execution;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Execution;

/// <summary>A 418 answer to an order POST: the order was certainly not placed, so the executor stores it Rejected at once.</summary>
public sealed class BinanceVenueBanTests
{
    [Fact]
    public async Task ExecuteAsync_OrderAnswered418_StoredRejectedWithTheBanAsReason()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        // The exchange's clock lies in the past, so the ban it leaves in the process-wide budget never blocks a later test on this port.
        var exchangeTime = new ManualTimeProvider(new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var candles = TestCandles.Generate(5);
        await using var sim = new BinanceSimulator(new SimulatedMarket().Add(candles), new SimulatorOptions { Time = exchangeTime });
        await sim.StartAsync(h.Token);
        using var http = new HttpClient();
        var client = new BinanceTradingClient(http, ExecutionHarness.SimulatorCredentials, new BinanceTradingOptions { BaseUrl = sim.BaseUrl },
            new BinanceServerClock(exchangeTime));
        var executor = await h.CreateExecutorAsync(ExecutionMode.Testnet, new BinanceVenue(client, h.Clock));
        await executor.OnCandleAsync(ExecutionHarness.Bar(0, candles[^1].Close), h.Token);
        sim.Faults.Enqueue(HttpFault.Banned(60));

        await executor.ExecuteAsync(ExecutionRequest.FromSignal(ExecutionHarness.BuySignal("sig-ban", candles[^1].Close, 0.001m)), h.Token)
            .WaitAsync(ExecutionHarness.Timeout, h.Token);

        var stored = (await h.Store.Orders.GetByClientOrderIdAsync(ClientOrderIds.FromSignal("sig-ban"), h.Token)).ShouldNotBeNull();
        stored.Status.ShouldBe(OrderStatus.Rejected);
        (await h.Store.Orders.GetEventsAsync(stored.Id, h.Token))[^1].Cause.ShouldContain("banned");
        sim.Exchange.Orders.ShouldBeEmpty();
    }
}
