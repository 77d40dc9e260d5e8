using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Services.Execution;
using Trading.Services.Portfolio;
using Trading.Services.Tests.Execution;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Portfolio;

/// <summary>
/// The crash case of the distributed runtime: an executor stores a fill (with its order, in one transaction) and is killed
/// with SIGKILL before it publishes it on <c>fills</c>. The running portfolio manager still books that fill exactly once,
/// in booking order, from the store.
/// </summary>
public sealed class PortfolioCatchUpTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(ExecutionHarness.StartMs);

    [Fact]
    public async Task CatchUp_FillStoredButNeverPublished_BookedOnceAtTheNextCatchUp()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var (service, booked) = await StartAsync(h);
        using var _ = service;
        var tracker = await service.Ready;

        await h.Store.Orders.SaveFillAsync(Fill("lost", OrderSide.Buy, 0.1m, 1), h.Token);
        var first = await h.Clock.AdvanceUntilDoneAsync(h.NextAsync(booked), service.StoreCatchUpInterval);
        await h.Bus.PublishAsync(StreamNames.Fills, ExecutionMessages.Fill(Fill("lost", OrderSide.Buy, 0.1m, 1), T0), h.Token);
        await h.Bus.PublishAsync(StreamNames.Fills, ExecutionMessages.Fill(Fill("next", OrderSide.Buy, 0.04m, 2), T0), h.Token);
        var second = await h.NextAsync(booked);

        first.Id.ShouldBe("lost");
        second.Id.ShouldBe("next");
        booked.Reader.TryRead(out var extra).ShouldBeFalse(extra?.Id);
        tracker.Account.Quantity(ExecutionHarness.Btc).ShouldBe(0.14m);
        (await h.Store.Portfolio.ListPositionsAsync(h.Token)).ShouldHaveSingleItem().Quantity.ShouldBe(0.14m);
        (await h.Store.Portfolio.GetBalancesAsync(h.Token))["USDT"].Free.ShouldBe(10_000m - 0.14m * 70_000m * 1.001m);
    }

    [Fact]
    public async Task BookFill_AnEarlierFillNeverPublished_BothBookedInBookingOrder()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var (service, booked) = await StartAsync(h, catchUp: TimeSpan.FromDays(1));
        using var _ = service;
        var tracker = await service.Ready;

        await h.Store.Orders.SaveFillAsync(Fill("buy", OrderSide.Buy, 0.1m, 1), h.Token);
        var sell = Fill("sell", OrderSide.Sell, 0.1m, 2);
        await h.Store.Orders.SaveFillAsync(sell, h.Token);
        await h.Bus.PublishAsync(StreamNames.Fills, ExecutionMessages.Fill(sell, T0), h.Token);

        (await h.NextAsync(booked)).Id.ShouldBe("buy");
        (await h.NextAsync(booked)).Id.ShouldBe("sell");
        tracker.Account.Quantity(ExecutionHarness.Btc).ShouldBe(0m);
        (await h.Store.Portfolio.ListPositionsAsync(h.Token)).ShouldHaveSingleItem().Quantity.ShouldBe(0m);
    }

    private static async Task<(PortfolioManagerService Service, Channel<Fill> Booked)> StartAsync(ExecutionHarness h, TimeSpan? catchUp = null)
    {
        var service = new PortfolioManagerService(h.Settings, new ExecutionOptions { Mode = ExecutionMode.Paper }, h.Store, h.Bus, h.Clock,
            NullLogger<PortfolioManagerService>.Instance) { StoreCatchUpInterval = catchUp ?? TimeSpan.FromSeconds(1) };
        var booked = Channel.CreateUnbounded<Fill>();
        service.FillBooked += fill => booked.Writer.TryWrite(fill);
        await service.StartAsync(h.Token);
        await service.Ready.WaitAsync(ExecutionHarness.Timeout, h.Token);
        return (service, booked);
    }

    private static Fill Fill(string id, OrderSide side, decimal quantity, int minute) => new()
    {
        Id = id, OrderId = $"order-{id}", Symbol = ExecutionHarness.Btc, Side = side, Quantity = quantity, Price = 70_000m,
        Fee = quantity * 70_000m * 0.001m, FeeAsset = "USDT", Time = T0.AddMinutes(minute),
    };
}
