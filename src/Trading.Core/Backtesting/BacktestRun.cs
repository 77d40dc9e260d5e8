using Trading.Core.Allocation;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Portfolio;
using Trading.Core.Risk;
using Trading.Core.Strategies;

namespace Trading.Core.Backtesting;

/// <summary>
/// The backtest's shell around the <see cref="ExecutionKernel"/>: the simulated clock, the simulated venue and the
/// trade ledger. The kernel decides, sizes, checks and books exactly as it does live; this class only hands it the
/// venue's fills and keeps what a backtest reports (fills, counts, rejection reasons).
/// </summary>
internal sealed class BacktestRun
{
    private readonly List<Fill> _venueFills = [];
    private readonly List<Order> _closedOrders = [];
    private readonly List<LimitEntryReview> _reviews = [];
    private readonly RejectionTally _rejections = new();
    private readonly Symbol _symbol;
    private readonly BacktestReuse _reuse;
    private long _orderSequence;
    private long _exitSequence;

    /// <param name="reuse">The engine's ids, fill objects, fill list and order objects, kept for all its runs.</param>
    /// <param name="allocator">A portfolio run's allocator, which the kernel consults for every strategy's intent.</param>
    public BacktestRun(Symbol symbol, BacktestSettings settings, BacktestClock clock, TradeLedger trades, long startMs, BacktestReuse reuse,
        CapitalAllocator? allocator = null)
    {
        _reuse = reuse ?? throw new ArgumentNullException(nameof(reuse));
        _reuse.Restart();
        _symbol = symbol;
        Settings = settings;
        Clock = clock;
        Trades = trades;
        var start = DateTimeOffset.FromUnixTimeMilliseconds(startMs);
        var account = new PortfolioAccount(settings.InitialBalance, start, symbol.QuoteAsset);
        var market = new MarketState(account, clock, settings.FeeBps);
        market.SetFilters(symbol, settings.Filters);
        Kernel = new ExecutionKernel(market, new RiskGate(settings.RiskLimits with { FeeBps = settings.FeeBps }), settings.Policy)
        {
            FillsAreUnique = true,
            Allocator = allocator,
        };
        Venue = new SimulatedVenue(new FillModel(settings.FillOptions), settings.InitialBalance) { FillIds = _reuse.FillIds, FillObjects = _reuse.FillObjects };
        Venue.AddSymbol(symbol, settings.Filters);
        Cash = (double)settings.InitialBalance;
        Fills = _reuse.Fills;
    }

    public BacktestSettings Settings { get; }
    public BacktestClock Clock { get; }
    public TradeLedger Trades { get; }
    public ExecutionKernel Kernel { get; }
    public PortfolioAccount Account => Kernel.Account;
    public SimulatedVenue Venue { get; }
    public List<Fill> Fills { get; }
    public IReadOnlyDictionary<string, int> Rejections => _rejections.Counts;
    public int Signals { get; private set; }
    public int Orders { get; private set; }

    /// <summary>Cash and base quantity as doubles, refreshed after every fill, for the per-candle equity curve.</summary>
    public double Cash { get; private set; }

    public double Quantity { get; private set; }

    /// <summary>True while a candle has something to do: open orders at the venue or armed protective exits.</summary>
    public bool VenueBusy => Venue.OpenOrderCount > 0 || Kernel.Exits.ArmedCount > 0;

    /// <summary>The venue matches <paramref name="candle"/> (it sees it before the strategy), then the kernel checks the exits.</summary>
    public void MatchOnVenue(in Candle candle, StrategyContext context)
    {
        Venue.OnCandleQuietly(candle, _venueFills, _closedOrders);
        if (_venueFills.Count > 0 || _closedOrders.Count > 0) ApplyUpdates(context);
        if (Kernel.TryTriggerExit(candle, out var trigger))
        {
            var id = _reuse.ExitIds.Get(++_exitSequence);
            var exit = _reuse.Rent(id, trigger.Symbol, OrderSide.Sell, trigger.IsStop ? OrderType.Market : OrderType.Limit,
                trigger.IsStop ? null : trigger.Exit.Price, trigger.Quantity, trigger.Time);
            Venue.FillExitQuietly(exit, trigger, _venueFills, _closedOrders);
            ApplyUpdates(context);
        }
        if (Kernel.LimitEntries.Count > 0) ReviewLimitEntries(candle);
    }

    /// <summary>Cancels the limit entries that timed out on this candle and places the re-priced ones.</summary>
    private void ReviewLimitEntries(in Candle candle)
    {
        Kernel.ReviewLimitEntries(candle, _reviews);
        foreach (var review in _reviews)
        {
            var cancelled = Venue.TryCancelQuietly(review.Order.Id);
            if (cancelled) Kernel.Closed(review.Order.Id);
            if (review.Reprice) Place(review.Repriced, candle.CloseTime);
            if (cancelled) _reuse.Release(review.Order);
        }
        _reviews.Clear();
    }

    /// <param name="strategy">In a portfolio run, the strategy the signal comes from (the allocator's key); null otherwise.</param>
    public void Handle(Signal signal, in Candle candle, StrategyContext context, bool venueSawCandle, string? strategy = null)
    {
        Signals++;
        if (signal.Symbol != _symbol)
        {
            Reject($"signal for {signal.Symbol} ignored: the backtest trades {_symbol}");
            return;
        }
        var now = candle.CloseTime;
        Account.Mark(_symbol, candle.Close, now);
        if (!venueSawCandle) MatchOnVenue(candle, context); // only records the last price: the venue was idle

        Place(OrderIntent.FromSignal(signal) with { Strategy = strategy }, now);
    }

    private void Place(in OrderIntent intent, DateTimeOffset now)
    {
        var decision = Kernel.Decide(intent, out var limitPrice);
        if (!decision.IsAllowed)
        {
            Reject(decision.Check, decision.Reason);
            return;
        }
        Orders++;
        var id = _reuse.OrderIds.Get(++_orderSequence);
        // Created → Submitted happens here, in the same instant, so the order is built in Submitted status (the snapshot
        // OrderStateMachine.Submit would return; its event is not kept in a backtest). Nor is the order, so it goes without
        // the signal's id, which would be formatted for it alone, and its object is reused once it left the book.
        var order = _reuse.Rent(id, intent.Symbol, intent.Side, limitPrice is null ? OrderType.Market : OrderType.Limit,
            limitPrice is null ? null : decision.Price, decision.Quantity, now);
        // The venue rests the Submitted order itself (no New snapshot: a backtest keeps no order events); it reserves
        // exactly what the accepted snapshot would, and its fill updates release it.
        if (Venue.SubmitQuietly(order, now) is { } problem)
        {
            Reject($"venue: {problem}");
            _reuse.Release(order);
            return;
        }
        Kernel.Submitted(order, intent, now);
    }

    private void ApplyUpdates(StrategyContext context)
    {
        foreach (var fill in _venueFills)
        {
            var realizedBefore = Account.RealizedPnl;
            Kernel.Book(fill);
            Fills.Add(fill);
            if (fill.Side == OrderSide.Buy) Trades.OnBuy(fill);
            else Trades.OnSell(fill, Account.RealizedPnl - realizedBefore);
        }
        _venueFills.Clear();
        foreach (var order in _closedOrders)
        {
            Kernel.Closed(order.Id);
            _reuse.Release(order);
        }
        _closedOrders.Clear();
        Kernel.Settle(_symbol);
        var book = Account.BookFor(_symbol);
        Cash = (double)Account.Cash;
        Quantity = (double)book.Quantity;
        context.SetOwnPosition(book.Quantity, book.CostBasis);
    }

    private void Reject(RiskCheck check, string? reason) => _rejections.Add(check, reason);

    private void Reject(string reason) => _rejections.Add(reason);
}
