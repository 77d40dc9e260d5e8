using Shouldly;
using Trading.Binance.RateLimiting;
using Trading.TestInfrastructure;

namespace Trading.Binance.Tests.RateLimiting;

public sealed class BinanceRequestBudgetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ManualTimeProvider NewTime() => new(new DateTimeOffset(2026, 1, 1, 12, 0, 40, TimeSpan.Zero));

    /// <summary>Budgets are per server and process-wide: each test gets a server of its own.</summary>
    private static BinanceRequestBudget NewBudget(int limit)
    {
        var budget = BinanceRequestBudget.For(new Uri($"http://budget-{Guid.NewGuid():N}.test:9/"));
        budget.WeightLimit = limit;
        return budget;
    }

    [Fact]
    public async Task AcquireAsync_WithinLimit_ReservesWithoutWarning()
    {
        var budget = NewBudget(10);
        var logger = new ListLogger();

        await budget.AcquireAsync(10, NewTime(), Ct, logger);

        budget.UsedWeight.ShouldBe(10);
        logger.Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task AcquireAsync_WeightSpent_WarnsOnceThenWaitsForNextMinute()
    {
        var time = NewTime();
        var budget = NewBudget(10);
        var logger = new ListLogger();
        await budget.AcquireAsync(8, time, Ct, logger);

        var waiting = budget.AcquireAsync(5, time, Ct, logger).AsTask();

        waiting.IsCompleted.ShouldBeFalse();
        logger.Warnings.ShouldHaveSingleItem().ShouldContain("8 of 10 request weight is used this minute");
        logger.Warnings[0].ShouldContain("waits 20 s");
        logger.Warnings[0].ShouldContain(".test:9");
        await time.AdvanceUntilDoneAsync(waiting.ContinueWith(_ => 0, TaskScheduler.Default), TimeSpan.FromSeconds(1));
        time.GetUtcNow().ShouldBeGreaterThanOrEqualTo(new DateTimeOffset(2026, 1, 1, 12, 1, 0, TimeSpan.Zero));
        budget.UsedWeight.ShouldBe(5);
        logger.Warnings.Count.ShouldBe(1);
    }

    [Fact]
    public async Task AcquireAsync_BlockedBy429ThenWeightSpent_WarnsOncePerWait()
    {
        var time = NewTime();
        var budget = NewBudget(10);
        var logger = new ListLogger();
        await budget.AcquireAsync(10, time, Ct, logger);
        budget.BlockUntil(time.GetUtcNow().AddSeconds(3));

        var waiting = budget.AcquireAsync(1, time, Ct, logger).AsTask();
        await time.AdvanceUntilDoneAsync(waiting.ContinueWith(_ => 0, TaskScheduler.Default), TimeSpan.FromSeconds(1));

        await waiting;
        logger.Warnings.ShouldHaveSingleItem().ShouldContain("HTTP 429");
        budget.UsedWeight.ShouldBe(1);
    }
}
