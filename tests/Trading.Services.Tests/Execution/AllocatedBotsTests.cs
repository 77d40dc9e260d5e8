using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Trading.Core.Allocation;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Core.Storage;
using Trading.Services.Execution;
using Trading.Storage;

namespace Trading.Services.Tests.Execution;

/// <summary>
/// Paper bots under the allocator (docs/allocation.md): executors on their own store connections, as separate processes,
/// each book every bot's fills to its sleeve, so a bot's budget holds whichever process places its next order.
/// </summary>
public sealed class AllocatedBotsTests
{
    private const decimal Price = 70_000m;
    private static readonly ExecutionPolicy WantsForty = new() { Sizing = new PositionSizing(PositionSizingMode.EquityFraction, 0.4m), StopLossPct = 2m };

    [Fact]
    public async Task ExecuteAtPriceAsync_BotsWanting40PctInTwoProcesses_EachCutToItsShareAcrossProcesses()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await h.Store.Candles.UpsertAsync([ExecutionHarness.Bar(0, Price)], h.Token);
        await using var otherStore = await TradingStoreFactory.OpenAsync(null, h.Settings.DataDir, h.Token);
        var first = await ExecutorOnAsync(h, h.Store);
        var second = await ExecutorOnAsync(h, otherStore);

        var alpha = await BuyAsync(h, first, "alpha", "s1");
        var beta = await BuyAsync(h, second, "beta", "s2");
        var alphaAgain = await BuyAsync(h, second, "alpha", "s3");

        // The regime is UNCERTAIN before the classifier has seen enough candles: 25 % × 0.5 of 10,000 at 70,000 = 0.01785 BTC.
        alpha.Order.ShouldNotBeNull().FilledQuantity.ShouldBe(0.01785m);
        beta.Order.ShouldNotBeNull().FilledQuantity.ShouldBe(0.01785m);
        alphaAgain.IsDenied.ShouldBeTrue();
        alphaAgain.Reason.ShouldContain("StrategyBudget");
        alphaAgain.Reason.ShouldContain("alpha may hold 12.5 % of equity");
        var decisions = await h.Store.RiskDecisions.ListAsync(limit: 10, ct: h.Token);
        decisions.ShouldContain(d => d.Check == nameof(RiskCheck.StrategyBudget) && !d.Allowed);
        decisions.ShouldContain(d => d.Allowed && d.Reason.Contains("allocator cut 0.05714 to 0.01785 by StrategyBudget"));
    }

    [Fact]
    public async Task ExecuteAtPriceAsync_ManualOrder_NotAllocated()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        await h.Store.Candles.UpsertAsync([ExecutionHarness.Bar(0, Price)], h.Token);
        var executor = await ExecutorOnAsync(h, h.Store);

        var outcome = await executor.ExecuteAtPriceAsync(ExecutionRequest.Manual(ExecutionHarness.Btc, OrderSide.Buy, 0.05m, null), Price, h.Clock.GetUtcNow(), h.Token);

        outcome.Order.ShouldNotBeNull().FilledQuantity.ShouldBe(0.05714m); // the policy's 40 %, not the 12.5 % a bot would get
    }

    private static Task<ExecutionOutcome> BuyAsync(ExecutionHarness h, OrderExecutor executor, string bot, string signalId) =>
        executor.ExecuteAtPriceAsync(ExecutionRequest.FromSignal(ExecutionHarness.BuySignal(signalId, Price) with { BotId = bot }), Price, h.Clock.GetUtcNow(), h.Token);

    private static Task<OrderExecutor> ExecutorOnAsync(ExecutionHarness h, ITradingStore store) =>
        ExecutorFactory.CreateAsync(store, h.Bus,
            new ExecutionOptions { Mode = ExecutionMode.Paper, Policy = WantsForty, Allocation = new AllocationLimits() },
            ExecutorFactory.LimitsFrom(h.Settings with { RiskMaxPositionSize = 1m }), SymbolDirectory.Offline(h.Settings), h.Clock,
            NullLogger.Instance, h.Health, ct: h.Token);
}
