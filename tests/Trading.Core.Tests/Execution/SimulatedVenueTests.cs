using Shouldly;
using Trading.Core.Execution;
using Trading.Core.Model;

namespace Trading.Core.Tests.Execution;

public class SimulatedVenueTests
{
    private static readonly SymbolFilters Filters = new() { TickSize = 0.01m, StepSize = 0.001m, MinQuantity = 0.001m, MinNotional = 5m };
    private readonly List<VenueUpdate> _updates = [];

    private static SimulatedVenue NewVenue(decimal quote = 10_000m, decimal baseBalance = 0m)
    {
        var venue = new SimulatedVenue(new FillModel(new FillModelOptions { MakerFeeBps = 5m, TakerFeeBps = 10m, SlippageBps = 10m }), quote);
        venue.AddSymbol(Orders.BtcUsdt, Filters, baseBalance);
        return venue;
    }

    private static Candle Bar(int minute, decimal open, decimal high, decimal low, decimal close) =>
        new(Orders.BtcUsdt, Timeframe.M1, Orders.T0.AddMinutes(minute).ToUnixTimeMilliseconds(), open, high, low, close, 1m);

    private static Order Submitted(OrderSide side, decimal quantity, decimal? limit = null, string id = "o1") =>
        Orders.Create(OrderStatus.Submitted, quantity, side, limit is null ? OrderType.Market : OrderType.Limit, limit, id);

    [Fact]
    public void OnCandle_MarketOrder_FillsAtNextOpenPlusSlippageNotAtDecisionCandle()
    {
        var venue = NewVenue();
        var decision = Bar(0, 100, 101, 99, 100.5m);
        venue.OnCandle(decision, _updates);
        venue.Submit(Submitted(OrderSide.Buy, 1m), decision.CloseTime).Order.Status.ShouldBe(OrderStatus.New);

        venue.OnCandle(decision, _updates);
        _updates.ShouldBeEmpty();
        venue.OnCandle(Bar(1, 102, 103, 101, 102), _updates);

        var fill = _updates.Single().Fill!;
        fill.Price.ShouldBe(102.11m); // 102 × 1.001 = 102.102, up to the tick
        fill.Fee.ShouldBe(0.10211m);  // taker 10 bps
        fill.IsMaker.ShouldBeFalse();
        fill.Time.ShouldBe(Orders.T0.AddMinutes(1));
        _updates.Single().Order.Status.ShouldBe(OrderStatus.Filled);
        venue.QuoteBalance.ShouldBe(10_000m - 102.11m - 0.10211m);
        venue.BaseBalance(Orders.BtcUsdt).ShouldBe(1m);
    }

    [Fact]
    public void OnCandle_LimitBuyTradedThrough_FillsAtLimitAsMaker()
    {
        var venue = NewVenue();
        venue.OnCandle(Bar(0, 100, 101, 99.5m, 100), _updates);
        venue.Submit(Submitted(OrderSide.Buy, 1m, 99m), Orders.T0.AddMinutes(1));

        venue.OnCandle(Bar(1, 100, 101, 99.5m, 100), _updates);
        _updates.ShouldBeEmpty();
        venue.OnCandle(Bar(2, 100, 101, 98.5m, 100), _updates);

        var fill = _updates.Single().Fill!;
        (fill.Price, fill.Fee, fill.IsMaker).ShouldBe((99m, 0.0495m, true));
        fill.Time.ShouldBe(Bar(2, 1, 1, 1, 1).CloseTime);
    }

    [Fact]
    public void OnCandle_RestingLimitGappedThrough_FillsAtOpenAsMaker()
    {
        var venue = NewVenue();
        venue.OnCandle(Bar(0, 100, 101, 99.5m, 100), _updates);
        venue.Submit(Submitted(OrderSide.Buy, 1m, 99m), Orders.T0.AddMinutes(1));
        venue.OnCandle(Bar(1, 100, 101, 99.5m, 100), _updates);

        venue.OnCandle(Bar(2, 98, 99, 97, 98), _updates);

        var fill = _updates.Single().Fill!;
        (fill.Price, fill.IsMaker).ShouldBe((98m, true));
    }

    [Fact]
    public void OnCandle_MarketableLimitOnArrival_FillsAtOpenAsTaker()
    {
        var venue = NewVenue();
        venue.OnCandle(Bar(0, 100, 101, 99, 100), _updates);
        venue.Submit(Submitted(OrderSide.Sell, 0.5m, 99m), Orders.T0.AddMinutes(1)).Order.Status.ShouldBe(OrderStatus.Rejected);
        venue.Submit(Submitted(OrderSide.Buy, 1m, 101m), Orders.T0.AddMinutes(1));

        venue.OnCandle(Bar(1, 100, 100.5m, 99.8m, 100), _updates);

        var fill = _updates.Single().Fill!;
        (fill.Price, fill.Fee, fill.IsMaker).ShouldBe((100m, 0.1m, false));
    }

    private static ProtectiveExitTrigger Exit(ExitKind kind, decimal price, decimal quantity, bool atOpen = false) =>
        new(Orders.BtcUsdt, new ExitResolution(kind, price, atOpen), quantity, Orders.T0.AddMinutes(1));

    [Fact]
    public void FillExit_StopLoss_FillsAtOnceAtTheStopLessSlippage()
    {
        var venue = NewVenue(quote: 0m, baseBalance: 1m);
        var trigger = Exit(ExitKind.StopLoss, 95m, 1m);

        venue.FillExit(trigger.ToOrder("x1", "x1", OrderStatus.Submitted), trigger, _updates);

        _updates.Select(u => u.Order.Status).ShouldBe([OrderStatus.New, OrderStatus.Filled]);
        var fill = _updates[1].Fill!;
        fill.OrderId.ShouldBe("x1");
        fill.Price.ShouldBe(94.90m); // 95 × 0.999 = 94.905, down to the tick
        fill.Fee.ShouldBe(0.0949m);
        venue.QuoteBalance.ShouldBe(94.90m - 0.0949m);
        venue.BaseBalance(Orders.BtcUsdt).ShouldBe(0m);
    }

    [Fact]
    public void FillExit_TakeProfit_FillsAtTheTargetAsMaker()
    {
        var venue = NewVenue(quote: 0m, baseBalance: 1m);
        var trigger = Exit(ExitKind.TakeProfit, 105m, 1m);

        venue.FillExit(trigger.ToOrder("x1", "x1", OrderStatus.Submitted), trigger, _updates);

        var fill = _updates.Single(u => u.Fill is not null).Fill!;
        (fill.Price, fill.Fee, fill.IsMaker).ShouldBe((105m, 0.0525m, true));
    }

    [Theory]
    [InlineData(1.0005, "not a multiple of the step size")]
    [InlineData(0.04, "notional 4.00 is below the minimum 5")]
    public void Submit_FilterViolation_RejectedWithReason(decimal quantity, string reason)
    {
        var venue = NewVenue();

        var update = venue.Submit(Submitted(OrderSide.Buy, quantity, 100m), Orders.T0);

        update.Order.Status.ShouldBe(OrderStatus.Rejected);
        update.Event.Cause.ShouldContain(reason);
    }

    [Fact]
    public void Submit_SellMoreThanHeld_Rejected()
    {
        var venue = NewVenue(baseBalance: 1m);

        var update = venue.Submit(Submitted(OrderSide.Sell, 1.001m, 100m), Orders.T0);

        update.Order.Status.ShouldBe(OrderStatus.Rejected);
        update.Event.Cause.ShouldContain("insufficient balance");
    }

    [Fact]
    public void OnCandle_MarketBuyUnaffordableAtNextOpen_FillsWhatCashAllowsAndExpiresRest()
    {
        var venue = NewVenue(quote: 1_000m);
        venue.OnCandle(Bar(0, 100, 100, 100, 100), _updates);
        venue.Submit(Submitted(OrderSide.Buy, 9.9m), Orders.T0.AddMinutes(1)).Order.Status.ShouldBe(OrderStatus.New);

        venue.OnCandle(Bar(1, 110, 110, 110, 110), _updates);

        _updates.Select(u => u.Order.Status).ShouldBe([OrderStatus.PartiallyFilled, OrderStatus.Expired]);
        _updates[0].Fill!.Quantity.ShouldBe(9.072m); // 1000 / (110.11 × 1.001) = 9.0727…, down to the step
        venue.QuoteBalance.ShouldBeGreaterThanOrEqualTo(0m);
        venue.OpenOrderCount.ShouldBe(0);
        venue.ReservedQuote.ShouldBe(0m);
    }

    [Fact]
    public void OnCandleQuietly_MarketBuyUnaffordable_ReportsTheFillAndTheClosedOrderOnly()
    {
        var venue = NewVenue(quote: 1_000m);
        var fills = new List<Fill>();
        var closed = new List<Order>();
        venue.OnCandleQuietly(Bar(0, 100, 100, 100, 100), fills, closed);
        venue.SubmitQuietly(Submitted(OrderSide.Buy, 9.9m), Orders.T0.AddMinutes(1)).ShouldBeNull();

        venue.OnCandleQuietly(Bar(1, 110, 110, 110, 110), fills, closed);

        fills.Single().Quantity.ShouldBe(9.072m);
        fills.Single().OrderId.ShouldBe("o1");
        closed.Select(o => o.Id).ShouldBe(["o1"]);
        venue.OpenOrderCount.ShouldBe(0);
        venue.ReservedQuote.ShouldBe(0m);
    }

    [Fact]
    public void OnCandleQuietly_SameCandlesAsOnCandle_SameFillsAndBalances()
    {
        var loud = NewVenue();
        var quiet = NewVenue();
        var fills = new List<Fill>();
        var closed = new List<Order>();
        loud.OnCandle(Bar(0, 100, 101, 99, 100), _updates);
        quiet.OnCandleQuietly(Bar(0, 100, 101, 99, 100), fills, closed);
        loud.Submit(Submitted(OrderSide.Buy, 2m), Orders.T0.AddMinutes(1));
        quiet.SubmitQuietly(Submitted(OrderSide.Buy, 2m), Orders.T0.AddMinutes(1)).ShouldBeNull();

        foreach (var bar in new[] { Bar(1, 102, 103, 101, 102), Bar(2, 101, 121, 100, 119) })
        {
            loud.OnCandle(bar, _updates);
            quiet.OnCandleQuietly(bar, fills, closed);
        }
        var trigger = Exit(ExitKind.TakeProfit, 120m, 2m);
        loud.FillExit(trigger.ToOrder("x1", "x1", OrderStatus.Submitted), trigger, _updates);
        quiet.FillExitQuietly(trigger.ToOrder("x1", "x1", OrderStatus.Submitted), trigger, fills, closed);

        fills.ShouldBe(_updates.Where(u => u.Fill is not null).Select(u => u.Fill!).ToList());
        fills.Count.ShouldBe(2);
        closed.Count.ShouldBe(2);
        quiet.QuoteBalance.ShouldBe(loud.QuoteBalance);
        quiet.BaseBalance(Orders.BtcUsdt).ShouldBe(loud.BaseBalance(Orders.BtcUsdt));
    }

    [Fact]
    public void TryCancel_OpenOrder_PendingCancelThenCancelledAndReleasesReserve()
    {
        var venue = NewVenue();
        venue.Submit(Submitted(OrderSide.Buy, 1m, 99m), Orders.T0);
        venue.ReservedQuote.ShouldBe(99m * 1.001m);

        venue.TryCancel("o1", Orders.T0.AddMinutes(1), _updates).ShouldBeTrue();

        _updates.Select(u => (u.Event.From, u.Event.To)).ShouldBe([(OrderStatus.New, OrderStatus.PendingCancel), (OrderStatus.PendingCancel, OrderStatus.Cancelled)]);
        venue.ReservedQuote.ShouldBe(0m);
        venue.TryCancel("o1", Orders.T0.AddMinutes(1), _updates).ShouldBeFalse();
    }

    [Fact]
    public void Run_SameInputsTwice_IdenticalUpdates()
    {
        static string Run()
        {
            var venue = NewVenue();
            var updates = new List<VenueUpdate>();
            for (var i = 0; i < 20; i++)
            {
                var price = 100m + i % 5;
                var bar = Bar(i, price, price + 2, price - 2, price + 1);
                venue.OnCandle(bar, updates);
                var side = i % 2 == 0 ? OrderSide.Buy : OrderSide.Sell;
                var order = Submitted(side, 0.5m, i % 3 == 0 ? null : price, $"o{i}");
                venue.Submit(order, bar.CloseTime);
            }
            return string.Join('\n', updates.Select(u => $"{u.Event} {u.Fill}"));
        }

        var first = Run();
        first.ShouldContain("SIM-F");
        Run().ShouldBe(first);
    }

    [Fact]
    public void Submit_SameClientOrderIdWhileOpen_RejectedAsDuplicate()
    {
        var venue = NewVenue();
        venue.Submit(Submitted(OrderSide.Buy, 1m, 99m), Orders.T0);

        var again = venue.Submit(Submitted(OrderSide.Buy, 1m, 99m), Orders.T0);

        again.Order.Status.ShouldBe(OrderStatus.Rejected);
        again.Event.Cause.ShouldContain("duplicate order");
        venue.OpenOrderCount.ShouldBe(1);
    }

    [Fact]
    public void OnCandle_IdleRestingOrder_AllocatesNothing()
    {
        var venue = NewVenue();
        venue.OnCandle(Bar(0, 100, 101, 99, 100), _updates);
        venue.Submit(Submitted(OrderSide.Buy, 1m, 50m), Orders.T0.AddMinutes(1));
        var bars = Enumerable.Range(1, 100).Select(i => Bar(i, 100, 101, 99, 100)).ToArray();
        venue.OnCandle(bars[0], _updates);

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var bar in bars) venue.OnCandle(bar, _updates);

        GC.GetAllocatedBytesForCurrentThread().ShouldBe(before);
        _updates.ShouldBeEmpty();
    }
}
