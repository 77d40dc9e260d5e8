using Shouldly;
using Trading.Core.Model;
using Trading.Services.Execution;
using Trading.Services.Portfolio;
using Trading.Services.Tests.Execution;

namespace Trading.Services.Tests.Portfolio;

/// <summary>Books that disagree (fills the account cannot book, as two processes with their own accounts left them) stay usable and can be repaired.</summary>
public sealed class PortfolioRepairTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(ExecutionHarness.StartMs);

    [Fact]
    public async Task BuildAsync_FillsBeyondCashAndHoldings_ReportsEachAndBuildsTheRest()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await StoreDisagreeingFillsAsync(h);

        var problems = new List<string>();
        var account = await PortfolioReplay.BuildAsync(h.Store, 10_000m, T0, h.Token, problems);
        var executor = await h.CreateExecutorAsync(ExecutionMode.Paper);

        problems.Count.ShouldBe(2);
        problems[0].ShouldStartWith("fill b2 of order o2 (Buy 0.1 BTCUSDT at 70000");
        problems[1].ShouldStartWith("fill s1 of order o3 (Sell 0.3 BTCUSDT at 71000");
        account.Quantity(ExecutionHarness.Btc).ShouldBe(0.1m);
        executor.Market.Account.Quantity(ExecutionHarness.Btc).ShouldBe(0.1m);
    }

    [Fact]
    public async Task RepairAsync_DisagreeingFills_StoresTheShortfallsSoEveryFillReplaysOnce()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await StoreDisagreeingFillsAsync(h);

        var added = await PortfolioRepair.RepairAsync(h.Store, 10_000m, h.Token);
        var again = await PortfolioRepair.RepairAsync(h.Store, 10_000m, h.Token);
        var problems = new List<string>();
        var account = await PortfolioReplay.BuildAsync(h.Store, 10_000m, T0, h.Token, problems);

        added.Select(a => (a.Asset, a.Delta)).ShouldBe([("USDT", 7007m - 2993m), ("BTC", 0.1m)]);
        added.ShouldAllBe(a => a.Reason.StartsWith("repair: fill "));
        again.ShouldBeEmpty();
        problems.ShouldBeEmpty();
        account.Quantity(ExecutionHarness.Btc).ShouldBe(0m);
        account.Cash.ShouldBe(10_000m - 7007m - 7007m + (7007m - 2993m) + (0.3m * 71_000m - 21.3m));
    }

    /// <summary>Cash 10,000: a buy of 7,007 books, a second one does not, and a sell of more than is held does not.</summary>
    private static async Task StoreDisagreeingFillsAsync(ExecutionHarness h)
    {
        Fill Fill(string id, string order, OrderSide side, decimal quantity, decimal price, int minute) => new()
        {
            Id = id, OrderId = order, Symbol = ExecutionHarness.Btc, Side = side, Quantity = quantity, Price = price,
            Fee = quantity * price * 0.001m, FeeAsset = "USDT", Time = T0.AddMinutes(minute),
        };
        await h.Store.Orders.SaveFillAsync(Fill("b1", "o1", OrderSide.Buy, 0.1m, 70_000m, 1), h.Token);
        await h.Store.Orders.SaveFillAsync(Fill("b2", "o2", OrderSide.Buy, 0.1m, 70_000m, 2), h.Token);
        await h.Store.Orders.SaveFillAsync(Fill("s1", "o3", OrderSide.Sell, 0.3m, 71_000m, 3), h.Token);
    }
}
