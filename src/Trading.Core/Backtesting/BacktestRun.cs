using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Portfolio;
using Trading.Core.Risk;
using Trading.Core.Strategies;

namespace Trading.Core.Backtesting;

/// <summary>
/// The live objects of one backtest run, wired around the simulated clock: portfolio, market state, risk gate and
/// simulated venue. It turns signals into risk-checked market orders and venue updates into accounting.
/// </summary>
internal sealed class BacktestRun
{
    private const int MaxRejectionReasons = 100;
    private readonly List<Fill> _venueFills = [];
    private readonly List<string> _closedOrderIds = [];
    private readonly Dictionary<string, int> _rejections = new(StringComparer.Ordinal);
    private readonly Dictionary<RiskCheck, string> _riskKeys = [];
    private readonly Symbol _symbol;
    private readonly BacktestIds _ids;
    private long _orderSequence;

    /// <param name="expectedFills">A capacity hint (the engine's previous run): the fill list is sized once instead of
    /// growing through a series of large-object-heap arrays.</param>
    public BacktestRun(Symbol symbol, BacktestSettings settings, BacktestClock clock, TradeLedger trades, long startMs, int expectedFills = 0,
        BacktestIds? ids = null)
    {
        _ids = ids ?? new BacktestIds();
        _symbol = symbol;
        Settings = settings;
        Clock = clock;
        Trades = trades;
        var start = DateTimeOffset.FromUnixTimeMilliseconds(startMs);
        Account = new PortfolioAccount(settings.InitialBalance, start, symbol.QuoteAsset);
        Market = new MarketState(Account, clock, settings.FeeBps);
        Market.SetFilters(symbol, settings.Filters);
        Gate = new RiskGate(settings.RiskLimits with { FeeBps = settings.FeeBps });
        Venue = new SimulatedVenue(new FillModel(settings.FillOptions), settings.InitialBalance) { FillIds = _ids.Fills };
        Venue.AddSymbol(symbol, settings.Filters);
        Cash = (double)settings.InitialBalance;
        Fills = new List<Fill>(expectedFills);
    }

    public BacktestSettings Settings { get; }
    public BacktestClock Clock { get; }
    public TradeLedger Trades { get; }
    public PortfolioAccount Account { get; }
    public MarketState Market { get; }
    public RiskGate Gate { get; }
    public SimulatedVenue Venue { get; }
    public List<Fill> Fills { get; }
    public IReadOnlyDictionary<string, int> Rejections => _rejections;
    public int Signals { get; private set; }
    public int Orders { get; private set; }

    /// <summary>Cash and base quantity as doubles, refreshed after every fill, for the per-candle equity curve.</summary>
    public double Cash { get; private set; }

    public double Quantity { get; private set; }

    /// <summary>True while the venue has something to do on a candle: open orders or an armed exit bracket.</summary>
    public bool VenueBusy => Venue.OpenOrderCount > 0 || BracketArmed;

    public bool BracketArmed { get; private set; }

    /// <summary>The venue matches <paramref name="candle"/> (it sees it before the strategy).</summary>
    public void MatchOnVenue(in Candle candle, StrategyContext context)
    {
        Venue.OnCandleQuietly(candle, _venueFills, _closedOrderIds);
        if (_venueFills.Count > 0 || _closedOrderIds.Count > 0) ApplyUpdates(context);
    }

    public void Handle(Signal signal, in Candle candle, StrategyContext context, bool venueSawCandle)
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

        var quantity = SizeOf(signal, candle.Close);
        if (quantity <= 0)
        {
            Reject(signal.Side == OrderSide.Sell ? "sell signal with nothing held" : "buy signal sized to zero");
            return;
        }
        var decision = Gate.Evaluate(new OrderRequest(_symbol, signal.Side, quantity, null, signal.Price), Market);
        if (!decision.IsAllowed)
        {
            Reject(decision.Check, decision.Reason);
            return;
        }
        Orders++;
        var id = _ids.Orders.Get(++_orderSequence);
        // Created → Submitted happens here, in the same instant, so the order is built in Submitted status (the snapshot
        // OrderStateMachine.Submit would return; its event is not kept in a backtest). Nor is the order, so it goes without
        // the signal's id, which would be formatted for it alone.
        var order = new Order
        {
            Id = id, ClientOrderId = id, Symbol = _symbol, Side = signal.Side, Type = OrderType.Market,
            Quantity = decision.Quantity, Status = OrderStatus.Submitted, CreatedAt = now, UpdatedAt = now,
        };
        // The venue rests the Submitted order itself (no New snapshot: a backtest keeps no order events); it reserves
        // exactly what the accepted snapshot would, and its fill updates release it.
        if (Venue.SubmitQuietly(order, now) is { } problem)
        {
            Reject($"venue: {problem}");
            return;
        }
        Market.Track(order);
        if (signal.Side == OrderSide.Buy && (signal.StopLoss is not null || signal.TakeProfit is not null))
        {
            Venue.SetExitBracket(_symbol, signal.StopLoss, signal.TakeProfit);
            BracketArmed = true;
        }
    }

    private decimal SizeOf(Signal signal, decimal price)
    {
        if (signal.Side == OrderSide.Sell)
        {
            var held = Market.AvailableBase(_symbol);
            return signal.Quantity > 0 ? Math.Min(signal.Quantity, held) : held;
        }
        return Settings.Sizing is { } sizing
            ? sizing.Size(Account.Equity, price, signal.StopLoss, Settings.Filters)
            : signal.Quantity;
    }

    private void ApplyUpdates(StrategyContext context)
    {
        foreach (var orderId in _closedOrderIds) Market.Untrack(orderId);
        _closedOrderIds.Clear();
        foreach (var fill in _venueFills)
        {
            var realizedBefore = Account.RealizedPnl;
            Account.ApplyNew(fill);
            Fills.Add(fill);
            if (fill.Side == OrderSide.Buy) Trades.OnBuy(fill);
            else Trades.OnSell(fill, Account.RealizedPnl - realizedBefore);
        }
        _venueFills.Clear();
        var book = Account.BookFor(_symbol);
        var held = book.Quantity;
        if (held == 0 && BracketArmed)
        {
            Venue.ClearExitBracket(_symbol);
            BracketArmed = false;
        }
        Cash = (double)Account.Cash;
        Quantity = (double)held;
        context.SetOwnPosition(held, book.CostBasis);
    }

    /// <summary>Counts risk denials per check, keyed by the check and the first reason it gave (no formatting per denial).</summary>
    private void Reject(RiskCheck check, string? reason)
    {
        if (!_riskKeys.TryGetValue(check, out var key))
        {
            key = $"{check}: {reason}";
            _riskKeys[check] = key;
        }
        Reject(key);
    }

    private void Reject(string reason)
    {
        if (_rejections.TryGetValue(reason, out var count)) _rejections[reason] = count + 1;
        else if (_rejections.Count < MaxRejectionReasons) _rejections[reason] = 1;
    }
}
