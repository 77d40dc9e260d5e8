using Shouldly;
using Trading.Core.Model;

namespace Trading.Storage.Tests;

public abstract partial class TradingStoreSuite
{
    private static Order NewOrder(string id, OrderStatus status = OrderStatus.Created, int minutes = 0) => new()
    {
        Id = id,
        ClientOrderId = "c-" + id,
        SignalId = "sig-" + id,
        Symbol = Btc,
        Side = OrderSide.Buy,
        Type = OrderType.Limit,
        Price = 42_000.5m,
        Quantity = 0.0015m,
        Status = status,
        CreatedAt = Now.AddMinutes(minutes),
        UpdatedAt = Now.AddMinutes(minutes),
    };

    [Fact]
    public async Task Orders_SaveAsync_NewThenUpdated_KeepsLatestSnapshotAndEveryTransition()
    {
        var created = NewOrder("o1");
        await Store.Orders.SaveAsync(created, new OrderEvent("o1", OrderStatus.Created, OrderStatus.Submitted, Now, "sent"), Ct);
        var filled = created with
        {
            Status = OrderStatus.Filled, FilledQuantity = 0.0015m, AverageFillPrice = 41_999.9m, Fees = 0.0000015m, FeeAsset = "BTC",
            ExchangeOrderId = "x-9", UpdatedAt = Now.AddSeconds(5), FilledAt = Now.AddSeconds(5),
        };

        await Store.Orders.SaveAsync(filled, new OrderEvent("o1", OrderStatus.Submitted, OrderStatus.Filled, Now.AddSeconds(5), "fill"), Ct);

        (await Store.Orders.GetAsync("o1", Ct)).ShouldBe(filled);
        (await Store.Orders.GetByClientOrderIdAsync("c-o1", Ct)).ShouldBe(filled);
        (await Store.Orders.GetEventsAsync("o1", Ct)).Select(e => e.To).ShouldBe([OrderStatus.Submitted, OrderStatus.Filled]);
    }

    [Fact]
    public async Task Orders_SaveAsync_SameTransitionReplayed_RecordsItOnce()
    {
        var transition = new OrderEvent("o1", OrderStatus.Created, OrderStatus.Submitted, Now, "sent");

        await Store.Orders.SaveAsync(NewOrder("o1", OrderStatus.Submitted), transition, Ct);
        await Store.Orders.SaveAsync(NewOrder("o1", OrderStatus.Submitted), transition, Ct);

        (await Store.Orders.GetEventsAsync("o1", Ct)).ShouldBe([transition]);
        (await Store.Orders.ListAsync(ct: Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Orders_SaveAsync_OtherOrderWithSameClientOrderId_IsRefused()
    {
        await Store.Orders.SaveAsync(NewOrder("o1"), ct: Ct);

        await Should.ThrowAsync<Exception>(() => Store.Orders.SaveAsync(NewOrder("o2") with { ClientOrderId = "c-o1" }, ct: Ct));

        (await Store.Orders.GetAsync("o2", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Orders_ListAsync_OpenOnly_ExcludesFinishedOrdersNewestFirst()
    {
        await Store.Orders.SaveAsync(NewOrder("new", OrderStatus.New, minutes: 1), ct: Ct);
        await Store.Orders.SaveAsync(NewOrder("done", OrderStatus.Filled, minutes: 2), ct: Ct);
        await Store.Orders.SaveAsync(NewOrder("part", OrderStatus.PartiallyFilled, minutes: 3), ct: Ct);
        await Store.Orders.SaveAsync(NewOrder("gone", OrderStatus.Cancelled, minutes: 4), ct: Ct);

        (await Store.Orders.ListAsync(openOnly: true, ct: Ct)).Select(o => o.Id).ShouldBe(["part", "new"]);
        (await Store.Orders.ListAsync(limit: 3, ct: Ct)).Select(o => o.Id).ShouldBe(["gone", "part", "done"]);
    }

    [Fact]
    public async Task Orders_SaveFillAsync_SameFillTwice_StoredOnceAndReportedAsDuplicate()
    {
        var fill = new Fill
        {
            Id = "f1", OrderId = "o1", Symbol = Btc, Side = OrderSide.Sell, Price = 42_000.01m, Quantity = 0.5m,
            Fee = 0.021m, FeeAsset = "USDT", IsMaker = true, Time = Now,
        };

        (await Store.Orders.SaveFillAsync(fill, Ct)).ShouldBeTrue();
        (await Store.Orders.SaveFillAsync(fill, Ct)).ShouldBeFalse();
        await Store.Orders.SaveFillAsync(fill with { Id = "f2", OrderId = "o2" }, Ct);

        (await Store.Orders.GetFillsAsync("o1", Ct)).ShouldBe([fill]);
        (await Store.Orders.GetFillsAsync(ct: Ct)).Count.ShouldBe(2);
        (await Store.Orders.GetFillsBookedAfterAsync(null, Ct)).Select(b => (b.Sequence, b.Fill)).ShouldBe([(1L, fill), (2L, fill with { Id = "f2", OrderId = "o2" })]);
    }

    [Fact]
    public async Task Orders_GetFillsBookedAfterAsync_FillsOutOfTimeOrder_ReturnedInBookingOrderAfterTheSequence()
    {
        Fill At(string id, int minutes) => new()
        {
            Id = id, OrderId = "o1", Symbol = Btc, Side = OrderSide.Buy, Price = 100m, Quantity = 1m, Fee = 0m, FeeAsset = "USDT",
            Time = Now.AddMinutes(minutes),
        };
        foreach (var fill in new[] { At("late", 9), At("early", 1), At("middle", 5) }) await Store.Orders.SaveFillAsync(fill, Ct);

        (await Store.Orders.GetFillsBookedAfterAsync(null, Ct)).Select(b => b.Fill.Id).ShouldBe(["late", "early", "middle"]);
        (await Store.Orders.GetFillsBookedAfterAsync(1, Ct)).Select(b => (b.Sequence, b.Fill.Id)).ShouldBe([(2L, "early"), (3L, "middle")]);
        (await Store.Orders.GetFillsBookedAfterAsync(3, Ct)).ShouldBeEmpty();
        (await Store.Orders.GetFillsAsync(ct: Ct)).Select(f => f.Id).ShouldBe(["early", "middle", "late"]);
    }

    [Fact]
    public async Task Orders_SaveFillAsyncWithOrder_NewFillStoresBothDuplicateChangesNothing()
    {
        var order = new Order
        {
            Id = "o1", ClientOrderId = "c1", Symbol = Btc, Side = OrderSide.Buy, Type = OrderType.Market, Quantity = 0.5m,
            Status = OrderStatus.Filled, FilledQuantity = 0.5m, AverageFillPrice = 42_000m, CreatedAt = Now, UpdatedAt = Now,
        };
        var fill = new Fill
        {
            Id = "f1", OrderId = "o1", Symbol = Btc, Side = OrderSide.Buy, Price = 42_000m, Quantity = 0.5m, Fee = 0.021m, FeeAsset = "USDT", Time = Now,
        };
        var filled = new OrderEvent("o1", OrderStatus.New, OrderStatus.Filled, Now, "filled");

        (await Store.Orders.SaveFillAsync(fill, order, filled, Ct)).ShouldBeTrue();
        (await Store.Orders.SaveFillAsync(fill, order with { Status = OrderStatus.Expired }, null, Ct)).ShouldBeFalse();

        (await Store.Orders.GetAsync("o1", Ct)).ShouldBe(order);
        (await Store.Orders.GetEventsAsync("o1", Ct)).ShouldBe([filled]);
        (await Store.Orders.GetFillsAsync("o1", Ct)).ShouldBe([fill]);
    }
}
