using Shouldly;
using Trading.Core.Backtesting;
using Trading.Core.Execution;
using Trading.Core.Futures;
using Trading.Core.Model;
using Trading.Core.Risk;

namespace Trading.Core.Tests.Execution;

/// <summary>The paper USDⓈ-M book, against hand calculations from docs/futures.md (no fees or slippage, so the numbers stay round).</summary>
public sealed class SimulatedFuturesBookTests
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly long At0759 = new DateTimeOffset(2024, 1, 1, 7, 59, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private readonly FuturesAccount _account = new(1_000m);
    private readonly List<FuturesBookEvent> _events = [];

    private SimulatedFuturesBook NewBook(decimal rate = 0.0001m) => new(_account, new FillModel(new FillModelOptions { MakerFeeBps = 0m, TakerFeeBps = 0m }),
        BacktestSettings.DefaultFilters, KnownLeverageBrackets.BtcUsdt, FundingRates.Constant(rate));

    private static Candle Bar(long openMs, decimal open, decimal high, decimal low) => new(Btc, Timeframe.M1, openMs, open, high, low, open, 1m);

    private static FuturesOrderRequest Short(decimal quantity, bool reduceOnly = false) =>
        new(Btc, PositionSide.Both, reduceOnly ? 1 : -1, quantity, 20_000m, 3, reduceOnly);

    [Fact]
    public void OnCandle_ShortAt3xWhoseHighCrossesTheLiquidationPrice_LiquidatedLosingItsMargin()
    {
        var book = NewBook();
        book.Submit("o-1", Short(0.1m));
        var at0559 = At0759 - 2 * 3_600_000L; // no settlement in these two minutes
        book.OnCandle(Bar(at0559, 20_000m, 20_010m, 19_990m), _events);
        var margin = 0.1m * 20_000m / 3m;
        // LP = (WB + cum + Q × EP) / (Q × MMR + Q), bracket 1: MMR 0.4 %, cum 0.
        var liquidation = (margin + 0.1m * 20_000m) / (0.1m * 0.004m + 0.1m);

        book.Position!.LiquidationPrice.ShouldBe(liquidation);
        book.OnCandle(Bar(at0559 + 60_000, 20_000m, 27_000m, 19_990m), _events);

        _events.Select(e => e.Kind).ShouldBe([FuturesBookEventKind.Fill, FuturesBookEventKind.Liquidation]);
        _events[1].RealizedPnl.ShouldBe(-margin);
        _events[1].Price.ShouldBe(liquidation);
        book.Position.ShouldBeNull();
        _account.WalletBalance.ShouldBe(1_000m - margin);
    }

    [Fact]
    public void OnCandle_ShortHeldThrough0800WithAPositiveRate_ReceivesFundingAtTheOpenAsMark()
    {
        var book = NewBook();
        book.Submit("o-1", Short(0.1m));
        book.OnCandle(Bar(At0759, 20_000m, 20_010m, 19_990m), _events);

        book.OnCandle(Bar(At0759 + 60_000, 20_100m, 20_110m, 20_090m), _events);

        var funding = _events.Where(e => e.Kind == FuturesBookEventKind.Funding).ShouldHaveSingleItem().Funding!.Value;
        funding.Time.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(At0759 + 60_000));
        funding.Amount.ShouldBe(0.1m * 20_100m * 0.0001m);
        _account.WalletBalance.ShouldBe(1_000m + 0.201m);
        book.Position!.Funding.ShouldBe(0.201m);
    }

    [Fact]
    public void OnCandle_ReduceOnlyWithNothingToReduce_ExpiresWithoutBooking()
    {
        var book = NewBook();
        book.Submit("o-1", Short(0.1m, reduceOnly: true));

        book.OnCandle(Bar(At0759, 20_000m, 20_010m, 19_990m), _events);

        _events.ShouldHaveSingleItem().Kind.ShouldBe(FuturesBookEventKind.Expired);
        book.PendingOrderId.ShouldBeNull();
        _account.WalletBalance.ShouldBe(1_000m);
    }
}
