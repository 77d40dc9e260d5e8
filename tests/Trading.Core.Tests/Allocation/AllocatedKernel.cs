using Shouldly;
using Trading.Core.Allocation;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Portfolio;
using Trading.Core.Risk;
using Trading.Core.Strategies.Regime;
using Trading.Core.Tests.Execution;
using Trading.Core.Tests.Risk;

namespace Trading.Core.Tests.Allocation;

/// <summary>A kernel with a real allocator and risk gate over 10,000 USDT at a mark of 100, and the allocator's decisions as recorded.</summary>
internal sealed class AllocatedKernel
{
    private static readonly SymbolFilters Filters = new()
    {
        TickSize = 0.01m, StepSize = 0.001m, MinQuantity = 0.001m, MinNotional = 5m, MaxQuantity = 9_000m,
    };

    private static readonly RiskLimits OpenLimits = new() { MaxPositionFraction = 1m, PriceMoveGuardPct = null, MaxDrawdownPct = 100m, DailyLossLimitPct = 100m };
    private int _orders;

    public AllocatedKernel(AllocationLimits? limits = null, ExecutionPolicy? policy = null)
    {
        var account = new PortfolioAccount(10_000m, Orders.T0);
        var market = new MarketState(account, new ManualClock(Orders.T0));
        market.SetFilters(Orders.BtcUsdt, Filters);
        account.Mark(Orders.BtcUsdt, 100m, Orders.T0);
        Allocator = new CapitalAllocator(limits);
        Allocator.Decided += Decisions.Add;
        Kernel = new ExecutionKernel(market, new RiskGate(OpenLimits), policy) { Allocator = Allocator };
    }

    public ExecutionKernel Kernel { get; }
    public CapitalAllocator Allocator { get; }
    public List<AllocationDecision> Decisions { get; } = [];

    /// <summary>Steadily rising candles until the classifier sees TRENDING_UP.</summary>
    public void Trend()
    {
        for (var i = 0; Allocator.RegimeOf(Orders.BtcUsdt) != MarketRegime.TrendingUp; i++)
        {
            i.ShouldBeLessThan(1_000);
            var open = 50m + i * 0.1m;
            Allocator.Observe(new Candle(Orders.BtcUsdt, Timeframe.M1, Orders.T0.AddMinutes(i).ToUnixTimeMilliseconds(), open, open + 0.15m, open - 0.02m, open + 0.1m, 1m));
        }
    }

    /// <summary>An entry of <paramref name="strategy"/> wanting <paramref name="equityFraction"/> of equity, filled at 100 when allowed.</summary>
    public RiskDecision Buy(string strategy, decimal equityFraction, decimal? stop = null) =>
        Fill(new OrderIntent(Orders.BtcUsdt, OrderSide.Buy, 0m, SignalPrice: 100m, StopLoss: stop)
        {
            Strategy = strategy, Sizing = new PositionSizing(PositionSizingMode.EquityFraction, equityFraction),
        });

    public RiskDecision Sell(string strategy, decimal price = 100m) =>
        Fill(new OrderIntent(Orders.BtcUsdt, OrderSide.Sell, 0m, SignalPrice: price) { Strategy = strategy }, price);

    private RiskDecision Fill(OrderIntent intent, decimal price = 100m)
    {
        var decision = Kernel.Decide(intent, out var limit);
        if (!decision.IsAllowed) return decision;
        var id = $"o{++_orders}";
        var order = ExecutionKernel.NewOrder(intent, decision, limit, id, id, Orders.T0, OrderStatus.Submitted);
        Kernel.Submitted(order, intent, Orders.T0);
        Kernel.Book(Orders.Fill(decision.Quantity, price, orderId: id, side: intent.Side, id: "f-" + id));
        Kernel.Closed(id);
        return decision;
    }
}
