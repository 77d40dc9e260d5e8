using Shouldly;
using Trading.Binance.Orders;
using Trading.Binance.UserData;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Binance.Execution;

namespace Trading.Binance.Tests.Execution;

/// <summary>executionReports turned into transitions of the stored order, each trade booked once.</summary>
public sealed class ExecutionReportUpdatesTests
{
    private const long StartMs = 1_767_225_600_000; // 2026-01-01T00:00Z
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(StartMs);

    private static Order Submitted() => OrderStateMachine.Submit(new Order
    {
        Id = "o1", ClientOrderId = "o1", Symbol = Btc, Side = OrderSide.Buy, Type = OrderType.Limit, Price = 100m,
        Quantity = 0.3m, CreatedAt = T0, UpdatedAt = T0,
    }, T0).Order;

    private static OrderUpdate Report(string execution, OrderStatus status, decimal cumulative, ExchangeFill? trade) => new(
        StartMs + 1, Btc, 42, "o1", null, OrderSide.Buy, OrderType.Limit, execution, status, 100m, 0.3m,
        cumulative, cumulative * 100m, trade, null, StartMs + 1);

    [Fact]
    public void Between_TradesInOrder_AcceptThenPartialThenFilledWithTradeIdsAndFees()
    {
        var order = Submitted();

        var first = ExecutionReportUpdates.Between(order, Report("TRADE", OrderStatus.PartiallyFilled, 0.1m, new ExchangeFill(7, 100m, 0.1m, 0.01m, "USDT"))).ShouldNotBeNull();
        first.Select(u => u.Order.Status).ShouldBe([OrderStatus.New, OrderStatus.PartiallyFilled]);
        first[1].Fill.ShouldNotBeNull().Id.ShouldBe("BTCUSDT-7");
        first[1].Fill!.Fee.ShouldBe(0.01m);
        first[0].Order.ExchangeOrderId.ShouldBe("42");

        var second = ExecutionReportUpdates.Between(first[^1].Order, Report("TRADE", OrderStatus.Filled, 0.3m, new ExchangeFill(8, 100m, 0.2m, 0.02m, "USDT"))).ShouldNotBeNull();
        second.ShouldHaveSingleItem().Order.Status.ShouldBe(OrderStatus.Filled);
        second[0].Order.Fees.ShouldBe(0.03m);
    }

    [Fact]
    public void Between_TradeAlreadyBookedFromRest_NoUpdate()
    {
        var order = Submitted();
        var rest = ExecutionReportUpdates.Between(order, Report("TRADE", OrderStatus.Filled, 0.3m, new ExchangeFill(7, 100m, 0.3m, 0.03m, "USDT")))!;

        ExecutionReportUpdates.Between(rest[^1].Order, Report("TRADE", OrderStatus.Filled, 0.3m, new ExchangeFill(7, 100m, 0.3m, 0.03m, "USDT")))
            .ShouldNotBeNull().ShouldBeEmpty();
        ExecutionReportUpdates.Between(rest[^1].Order, Report("NEW", OrderStatus.New, 0m, null)).ShouldNotBeNull().ShouldBeEmpty();
    }

    [Fact]
    public void Between_ReportSkipsATrade_NullSoTheOrderIsQueried()
    {
        var report = Report("TRADE", OrderStatus.Filled, 0.3m, new ExchangeFill(8, 100m, 0.2m, 0.02m, "USDT"));

        ExecutionReportUpdates.Between(Submitted(), report).ShouldBeNull();
    }

    [Fact]
    public void Between_CancelledAndRejected_ClosingTransitions()
    {
        var accepted = ExecutionReportUpdates.Between(Submitted(), Report("NEW", OrderStatus.New, 0m, null))!.ShouldHaveSingleItem().Order;

        ExecutionReportUpdates.Between(accepted, Report("CANCELED", OrderStatus.Cancelled, 0m, null))!.ShouldHaveSingleItem().Order.Status.ShouldBe(OrderStatus.Cancelled);
        ExecutionReportUpdates.Between(Submitted(), Report("REJECTED", OrderStatus.Rejected, 0m, null))!.ShouldHaveSingleItem().Order.Status.ShouldBe(OrderStatus.Rejected);
    }
}
