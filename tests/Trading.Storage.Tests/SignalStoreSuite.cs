using Shouldly;
using Trading.Core.Model;

namespace Trading.Storage.Tests;

public abstract partial class TradingStoreSuite
{
    private static Signal NewSignal(string id, string strategy = "sma_cross", int minutes = 0) => new()
    {
        Id = id,
        Strategy = strategy,
        Symbol = Btc,
        Side = OrderSide.Buy,
        Price = 42_000.12345678m,
        Quantity = 0.001m,
        Reason = "fast SMA crossed above slow",
        Confidence = 70,
        CreatedAt = Now.AddMinutes(minutes),
        StopLoss = 41_000m,
        Indicators = new Dictionary<string, double> { ["sma_fast"] = 42_001.5, ["rsi"] = 61.25 },
    };

    [Fact]
    public async Task Signals_SaveAsync_RoundTripsEveryFieldIncludingIndicators()
    {
        var signal = NewSignal("s1");

        await Store.Signals.SaveAsync(signal, Ct);

        var read = await Store.Signals.GetAsync("s1", Ct);
        read.ShouldNotBeNull();
        read.Indicators.ShouldBe(signal.Indicators);
        (read with { Indicators = signal.Indicators }).ShouldBe(signal);
        read.TakeProfit.ShouldBeNull();
    }

    [Fact]
    public async Task Signals_SaveAsync_SameIdTwice_KeepsTheFirst()
    {
        await Store.Signals.SaveAsync(NewSignal("s1"), Ct);

        await Store.Signals.SaveAsync(NewSignal("s1") with { Reason = "changed" }, Ct);

        (await Store.Signals.GetAsync("s1", Ct))!.Reason.ShouldBe("fast SMA crossed above slow");
        (await Store.Signals.ListAsync(ct: Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Signals_SaveAsync_InvalidSignal_ThrowsAndStoresNothing()
    {
        await Should.ThrowAsync<ArgumentException>(() => Store.Signals.SaveAsync(NewSignal("bad") with { Confidence = 101 }, Ct));

        (await Store.Signals.GetAsync("bad", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Signals_ListAsync_FiltersByStrategyNewestFirstWithLimit()
    {
        await Store.Signals.SaveAsync(NewSignal("a", minutes: 1), Ct);
        await Store.Signals.SaveAsync(NewSignal("b", minutes: 3), Ct);
        await Store.Signals.SaveAsync(NewSignal("c", "rsi", minutes: 2), Ct);
        await Store.Signals.SaveAsync(NewSignal("d", minutes: 0), Ct);

        (await Store.Signals.ListAsync("sma_cross", limit: 2, ct: Ct)).Select(s => s.Id).ShouldBe(["b", "a"]);
        (await Store.Signals.ListAsync(ct: Ct)).Select(s => s.Id).ShouldBe(["b", "c", "a", "d"]);
    }
}
