using Shouldly;
using Trading.Core.Model;
using Trading.Core.Risk;

namespace Trading.Core.Tests.Risk;

/// <summary>Positions, size, duplicates, balance, price move, connection and filters: each at and just past its threshold.</summary>
public class RiskGateOrderChecksTests
{
    private static readonly Symbol Btc = TestRiskContext.Btc;
    private readonly RiskGate _gate = new(new RiskLimits { MaxOpenPositions = 2, MaxPositionFraction = 0.1m, PriceMoveGuardPct = 1m, FeeBps = 10m });
    private readonly TestRiskContext _context = new();

    private RiskDecision Evaluate(OrderSide side, decimal quantity, decimal? limit = null, decimal signal = 100m, Symbol? symbol = null) =>
        _gate.Evaluate(new OrderRequest(symbol ?? Btc, side, quantity, limit, signal), _context);

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void Evaluate_MaxOpenPositions_DeniesNewSymbolAtMaximum(int open, bool allowed)
    {
        _context.OpenPositionCount = open;

        var decision = Evaluate(OrderSide.Buy, 1m);

        decision.IsAllowed.ShouldBe(allowed);
        if (!allowed) decision.Check.ShouldBe(RiskCheck.MaxOpenPositions);
    }

    [Fact]
    public void Evaluate_MaxOpenPositionsReached_AddingToHeldSymbolAllowed()
    {
        _context.OpenPositionCount = 2;
        _context.Positions[Btc] = 1m;

        Evaluate(OrderSide.Buy, 1m).IsAllowed.ShouldBeTrue();
    }

    [Theory]
    [InlineData(0, 10, true)]        // 10 × 100 = 1000 = 10% of equity
    [InlineData(0, 10.001, false)]
    [InlineData(5, 5, true)]         // held quantity counts
    [InlineData(5, 5.001, false)]
    public void Evaluate_MaxPositionSize_DeniesAboveFractionOfEquity(decimal held, decimal quantity, bool allowed)
    {
        _context.Positions[Btc] = held;
        _context.OpenPositionCount = held > 0 ? 1 : 0;

        var decision = Evaluate(OrderSide.Buy, quantity);

        decision.IsAllowed.ShouldBe(allowed);
        if (!allowed) decision.Check.ShouldBe(RiskCheck.MaxPositionSize);
    }

    [Fact]
    public void Evaluate_OpenOrderSameSymbolAndSide_DeniedAsDuplicate()
    {
        _context.OpenOrders.Add((Btc, OrderSide.Buy));

        Evaluate(OrderSide.Buy, 1m).Check.ShouldBe(RiskCheck.DuplicateOrder);
        Evaluate(OrderSide.Buy, 1m, symbol: TestRiskContext.Eth, signal: 10m).IsAllowed.ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_OpenOrderOtherSide_NotADuplicate()
    {
        _context.OpenOrders.Add((Btc, OrderSide.Sell));

        Evaluate(OrderSide.Buy, 1m).IsAllowed.ShouldBeTrue();
    }

    [Theory]
    [InlineData(100.10, true)]    // 1 × 100 × 1.001 including the 10 bps fee
    [InlineData(100.09, false)]
    public void Evaluate_BuyBalance_NeedsCostPlusFees(decimal available, bool allowed)
    {
        _context.AvailableQuote = available;

        var decision = Evaluate(OrderSide.Buy, 1m);

        decision.IsAllowed.ShouldBe(allowed);
        if (!allowed) decision.Check.ShouldBe(RiskCheck.AvailableBalance);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(1.001, false)]
    public void Evaluate_SellBalance_NeedsBaseHeld(decimal quantity, bool allowed)
    {
        _context.Positions[Btc] = 1m;

        var decision = Evaluate(OrderSide.Sell, quantity);

        decision.IsAllowed.ShouldBe(allowed);
        if (!allowed) decision.Check.ShouldBe(RiskCheck.AvailableBalance);
    }

    [Theory]
    [InlineData(101, true)]       // exactly 1% away is not more than 1%
    [InlineData(101.01, false)]
    [InlineData(99, true)]
    [InlineData(98.99, false)]
    public void Evaluate_PriceMoveGuard_DeniesMoreThanLimitFromMarket(decimal signal, bool allowed)
    {
        var decision = Evaluate(OrderSide.Buy, 1m, signal: signal);

        decision.IsAllowed.ShouldBe(allowed);
        if (!allowed) decision.Check.ShouldBe(RiskCheck.PriceMoveGuard);
    }

    [Fact]
    public void Evaluate_UnhealthyConnection_Denied()
    {
        _context.IsMarketConnectionHealthy = false;

        Evaluate(OrderSide.Buy, 1m).Check.ShouldBe(RiskCheck.MarketConnection);
    }

    [Fact]
    public void Evaluate_NoMarketPriceForMarketOrder_Denied()
    {
        _context.Prices.Remove(Btc);

        Evaluate(OrderSide.Buy, 1m).Check.ShouldBe(RiskCheck.MarketConnection);
    }

    [Theory]
    [InlineData(0.05, true)]      // 0.05 × 100 = 5 = minimum notional
    [InlineData(0.0499, false)]   // rounds to 0.049: notional 4.9
    public void Evaluate_MinNotional_DeniesBelowMinimumAfterRounding(decimal quantity, bool allowed)
    {
        var decision = Evaluate(OrderSide.Buy, quantity);

        decision.IsAllowed.ShouldBe(allowed);
        if (!allowed)
        {
            decision.Check.ShouldBe(RiskCheck.ExchangeFilters);
            decision.Reason!.ShouldContain("notional 4.900 is below the minimum 5");
        }
    }

    [Theory]
    [InlineData(0.001, true)]
    [InlineData(0.0009, false)]
    public void Evaluate_MinQuantity_DeniesBelowMinimumStep(decimal quantity, bool allowed)
    {
        _context.Prices[Btc] = 10_000m;
        _context.Equity = _context.DayStartEquity = _context.PeakEquity = _context.AvailableQuote = 1_000_000m;

        var decision = Evaluate(OrderSide.Buy, quantity, signal: 10_000m);

        decision.IsAllowed.ShouldBe(allowed);
        if (!allowed) decision.Reason!.ShouldContain("below the minimum 0.001");
    }

    [Fact]
    public void Evaluate_LimitPrices_RoundedToTickInTheSignalsFavour()
    {
        var buy = Evaluate(OrderSide.Buy, 1m, limit: 99.999m);
        _context.Positions[Btc] = 1m;
        var sell = Evaluate(OrderSide.Sell, 1m, limit: 100.001m);

        (buy.Price, sell.Price).ShouldBe((99.99m, 100.01m));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public void Evaluate_NonPositiveQuantity_DeniedWithReason(decimal quantity)
    {
        Evaluate(OrderSide.Buy, quantity).Reason!.ShouldContain("quantity must be positive");
    }

    [Fact]
    public void Evaluate_UnknownSymbol_Denied()
    {
        var doge = new Symbol("DOGEUSDT");
        _context.Prices[doge] = 0.1m;

        Evaluate(OrderSide.Buy, 100m, symbol: doge, signal: 0.1m).Reason!.ShouldContain("unknown symbol DOGEUSDT");
    }

    [Fact]
    public void Evaluate_NonPositiveLimitPrice_DeniedWithReason()
    {
        var decision = Evaluate(OrderSide.Buy, 1m, limit: -5m);

        decision.Check.ShouldBe(RiskCheck.ExchangeFilters);
        decision.Reason!.ShouldContain("limit price must be positive");
    }

    [Fact]
    public void RiskLimits_EmptyTradingHours_Invalid()
    {
        var limits = new RiskLimits { TradingHours = new TradingHoursWindow(new TimeOnly(9, 0), new TimeOnly(9, 0)) };

        Should.Throw<ArgumentException>(() => new RiskGate(limits)).Message.ShouldContain("empty");
    }
}
