using Trading.Core.Allocation;
using Trading.Core.Execution;
using Trading.Core.Futures;
using Trading.Core.Model;
using Trading.Core.Portfolio;
using Trading.Core.Risk;
using Trading.Core.Strategies;

namespace Trading.Core.Backtesting;

/// <summary>
/// The futures backtest's shell around the <see cref="ExecutionKernel"/> and its <see cref="FuturesDesk"/>: one-way mode on
/// one symbol, isolated margin, market orders filled at the next candle's open by the same <see cref="FillModel"/> as spot.
/// Each candle, in time order (docs/futures.md, "Backtests"): funding settles at the candle holding a settlement time, at
/// its open as the mark; the order decided on the previous candle fills at the open; then the candle's low (long) or high
/// (short) is checked against the liquidation price, and a crossing liquidates there, losing the isolated margin.
/// In a portfolio run (an allocator) each strategy may have one order waiting; they fill in the order they were decided.
/// </summary>
internal sealed class FuturesBacktestRun
{
    private readonly Symbol _symbol;
    private readonly string _quoteAsset;
    private readonly BacktestReuse _reuse;
    private readonly FuturesLedger _ledger;
    private readonly FillModel _fills;
    private readonly SymbolFilters _filters;
    private readonly RejectionTally _rejections = new();
    private readonly FuturesAccount _account;
    private FundingCursor _funding;
    private FuturesPosition? _position;
    private readonly List<PendingFuturesOrder> _pending = [];
    private readonly CapitalAllocator? _allocator;
    private long _orderSequence;
    private long _fillSequence;
    private double _wallet;
    private double _signedQuantity;
    private double _entry;
    private bool _changed;
    private bool _long;
    private decimal _liquidation;

    /// <param name="allocator">A portfolio run's allocator: the kernel cuts every strategy's intent to its budget, and each fill,
    /// funding payment and liquidation is booked to the strategies' sleeves.</param>
    public FuturesBacktestRun(Symbol symbol, BacktestSettings settings, BacktestClock clock, long startMs, BacktestReuse reuse, FuturesLedger ledger,
        CapitalAllocator? allocator = null)
    {
        var futures = settings.Futures ?? throw new ArgumentException("A futures run needs futures settings.", nameof(settings));
        if (futures.Brackets.Symbol != symbol)
            throw new ArgumentException($"The leverage brackets are {futures.Brackets.Symbol}'s, the backtest trades {symbol}.", nameof(settings));
        _symbol = symbol;
        _quoteAsset = symbol.QuoteAsset;
        _reuse = reuse;
        _reuse.Restart();
        _ledger = ledger;
        _ledger.Clear();
        _filters = settings.Filters;
        Settings = settings;
        _fills = new FillModel(settings.FillOptions with
        {
            TakerFeeBps = futures.TakerFeeBps ?? settings.FeeBps,
            MakerFeeBps = futures.MakerFeeBps ?? settings.FeeBps,
        });
        _account = new FuturesAccount(settings.InitialBalance);
        var desk = new FuturesDesk(_account, new FuturesRiskGate(futures.RiskLimits), _fills.TakerFeeRate);
        desk.AddSymbol(futures.Brackets, futures.Leverage, settings.Filters);
        var market = new MarketState(new PortfolioAccount(settings.InitialBalance, DateTimeOffset.FromUnixTimeMilliseconds(startMs), symbol.QuoteAsset), clock, settings.FeeBps);
        Kernel = new ExecutionKernel(market, new RiskGate(settings.RiskLimits with { FeeBps = settings.FeeBps }), settings.Policy)
        {
            Futures = desk,
            Allocator = allocator,
        };
        _allocator = allocator;
        _funding = futures.Funding.Start(startMs);
        _wallet = (double)settings.InitialBalance;
    }

    public BacktestSettings Settings { get; }
    public ExecutionKernel Kernel { get; }
    public FuturesAccount Account => _account;
    public List<Fill> Fills => _reuse.Fills;
    public IReadOnlyDictionary<string, int> Rejections => _rejections.Counts;
    public int Signals { get; private set; }
    public int Orders { get; private set; }
    public bool InPosition => _position is not null;

    /// <summary>The candle's funding, pending fill and liquidation check, in that order; the strategy then sees its position.</summary>
    /// <param name="context">The strategy's context, told its position after a change; null in a portfolio run (the sleeves say it).</param>
    public void OnCandle(in Candle candle, StrategyContext? context)
    {
        if (_funding.NextMs <= candle.CloseTimeMs) Settle(candle);
        if (_pending.Count > 0) FillPending(candle);
        if (_position is { } p && (_long ? candle.Low <= _liquidation : candle.High >= _liquidation)) Liquidate(p, candle);
        if (!_changed || context is null) return;
        _changed = false;
        context.PositionQuantity = SignedQuantity();
        context.PositionAveragePrice = _position?.EntryPrice ?? 0m;
    }

    /// <summary>Equity at <paramref name="close"/>: the wallet plus the open position's unrealized PnL, in double for the curve.</summary>
    public double EquityAt(double close) => _wallet + (_signedQuantity * (close - _entry));

    /// <param name="strategy">In a portfolio run, the strategy the signal comes from (the allocator's key); null otherwise.</param>
    public void Handle(Signal signal, in Candle candle, string? strategy = null)
    {
        Signals++;
        if (signal.Symbol != _symbol)
        {
            _rejections.Add($"signal for {signal.Symbol} ignored: the backtest trades {_symbol}");
            return;
        }
        if (HasPending(strategy))
        {
            _rejections.Add(RiskCheck.DuplicateOrder, strategy is null ? "an open order on the symbol already exists" : $"an open order of {strategy} on the symbol already exists");
            return;
        }
        _account.Mark(_symbol, candle.Close);
        var intent = OrderIntent.FromSignal(signal) with { Strategy = strategy };
        var decision = Kernel.DecideFutures(intent, candle.Close, out var order);
        if (!decision.IsAllowed)
        {
            _rejections.Add(decision.Check, decision.Reason);
            return;
        }
        Orders++;
        order = order with { Quantity = decision.Quantity };
        var id = _reuse.OrderIds.Get(++_orderSequence);
        _pending.Add(new PendingFuturesOrder(order, id, strategy));
        if (_allocator is not null && strategy is not null)
            _allocator.Submitted(id, strategy, _symbol, !order.ReduceOnly, order.Direction, order.Quantity, order.Price / order.Leverage,
                FuturesDesk.RiskPerUnit(intent, order.Price, order.Leverage));
    }

    private bool HasPending(string? strategy)
    {
        if (strategy is null) return _pending.Count > 0;
        foreach (var pending in _pending)
            if (pending.Strategy == strategy) return true;
        return false;
    }

    /// <summary>Funding of every settlement up to this candle's close, at its open as the mark price.</summary>
    private void Settle(in Candle candle)
    {
        while (_funding.NextMs <= candle.CloseTimeMs)
        {
            if (_position is { } p)
            {
                var payment = _account.SettleFunding(p, _funding.Rate, candle.Open, DateTimeOffset.FromUnixTimeMilliseconds(_funding.NextMs));
                _ledger.Payments.Add(payment);
                _allocator?.BookFunding(_symbol, payment.Amount);
                Refresh();
            }
            _funding.Advance();
        }
    }

    private void FillPending(in Candle candle)
    {
        foreach (var pending in _pending)
        {
            Fill(pending.Order, pending.Id, candle);
            _allocator?.Closed(pending.Id);
        }
        _pending.Clear();
        Refresh();
    }

    private void Fill(in FuturesOrderRequest order, string id, in Candle candle)
    {
        if (!order.ReduceOnly && _position is { } held && held.Direction != order.Direction)
        {
            _rejections.Add("venue: order expired, the one-way position is now in the other direction");
            return;
        }
        var fill = FuturesMarketFill.At(order, _position, _account.AvailableBalance, _fills, _filters, candle.Open);
        if (fill.Expired is { } reason)
        {
            _rejections.Add($"venue: {reason}");
            return;
        }
        Record(id, fill.Side, fill.Price, fill.Quantity, fill.Fee, candle.OpenTime);
        if (order.ReduceOnly)
            Close(_position!, fill.Quantity, fill.Price, fill.Fee, candle.OpenTimeMs);
        else
            _position = _account.Open(_symbol, PositionSide.Both, order.Direction, fill.Quantity, fill.Price, fill.Fee, order.Leverage,
                Settings.Futures!.Brackets, candle.OpenTime);
    }

    private void Close(FuturesPosition position, decimal quantity, decimal price, decimal fee, long timeMs)
    {
        var share = quantity / position.Quantity;
        var entryFees = position.EntryFees * share;
        var funding = position.Funding * share;
        var (entry, openLiquidation, liquidation) = (position.EntryPrice, position.OpenLiquidationPrice, position.LiquidationPrice);
        var (side, leverage, opened) = (SideOf(position), position.Leverage, position.OpenedAt.ToUnixTimeMilliseconds());
        var pnl = _account.Reduce(position, quantity, price, fee);
        var trade = new ClosedTrade(opened, timeMs, entry, price, quantity, pnl - entryFees - fee + funding, entryFees + fee);
        _ledger.Add(new FuturesTrade(trade, side, leverage, funding, Liquidated: false, openLiquidation, liquidation));
        if (position.Quantity == 0) _position = null;
    }

    /// <summary>At the liquidation price: the whole isolated margin (initial margin plus the funding booked to it) is lost.</summary>
    private void Liquidate(FuturesPosition position, in Candle candle)
    {
        var (entry, quantity, funding, entryFees) = (position.EntryPrice, position.Quantity, position.Funding, position.EntryFees);
        var (side, leverage, opened, price) = (SideOf(position), position.Leverage, position.OpenedAt.ToUnixTimeMilliseconds(), position.LiquidationPrice);
        var (openLiquidation, direction, isLong) = (position.OpenLiquidationPrice, position.Direction, position.IsLong);
        var loss = _account.Liquidate(position);
        // The sleeves lose the margin too: booked at the price where the price loss equals it (the remainder beyond the
        // liquidation price goes to the insurance fund), so the strategies' PnL adds up to the account's.
        if (_allocator is not null) _allocator.Book(LiquidationFill(isLong, entry + (loss / (direction * quantity)), quantity, candle));
        var trade = new ClosedTrade(opened, candle.CloseTimeMs, entry, price, quantity, loss + funding - entryFees, entryFees);
        _ledger.Add(new FuturesTrade(trade, side, leverage, funding, Liquidated: true, openLiquidation, price));
        _position = null;
        Refresh();
    }

    private Fill LiquidationFill(bool isLong, decimal price, decimal quantity, in Candle candle) => new()
    {
        Id = $"liquidation-{_account.Liquidations}", OrderId = $"liquidation-{_account.Liquidations}", Symbol = _symbol,
        Side = isLong ? OrderSide.Sell : OrderSide.Buy, Price = price, Quantity = quantity, Fee = 0m, FeeAsset = _quoteAsset,
        IsMaker = false, Time = candle.CloseTime,
    };

    private void Record(string orderId, OrderSide side, decimal price, decimal quantity, decimal fee, DateTimeOffset time)
    {
        var id = _reuse.FillIds.Get(++_fillSequence);
        var fill = _reuse.FillObjects.Next(id, orderId, _symbol, side, price, quantity, fee, _quoteAsset, isMaker: false, time);
        Fills.Add(fill);
        _allocator?.Book(fill);
    }

    private static PositionSide SideOf(FuturesPosition position) => position.IsLong ? PositionSide.Long : PositionSide.Short;

    private decimal SignedQuantity() => _position is { } p ? p.Direction * p.Quantity : 0m;

    /// <summary>The doubles the equity curve reads, after every change of wallet or position.</summary>
    private void Refresh()
    {
        _wallet = (double)_account.WalletBalance;
        _signedQuantity = (double)SignedQuantity();
        _entry = _position is { } p ? (double)p.EntryPrice : 0d;
        _long = _position?.IsLong ?? false;
        _liquidation = _position?.LiquidationPrice ?? 0m;
        _changed = true;
    }

    /// <summary>The run's result once the last candle is done: the account marked at its close, statistics over <paramref name="equity"/>.</summary>
    public BacktestResult Result(ReadOnlySpan<Candle> candles, ReadOnlyMemory<double> equity, int inPosition)
    {
        _account.Mark(_symbol, candles[^1].Close);
        var statistics = BacktestEngine.Statistics(Settings, candles, equity, inPosition, _account.Equity, _ledger.Closed, _ledger.Metrics, _account.FeesPaid);
        return new BacktestResult
        {
            Statistics = statistics,
            Trades = _ledger.Closed,
            Fills = Fills,
            Equity = equity,
            Signals = Signals,
            Orders = Orders,
            Rejections = Rejections,
            FinalPosition = SignedQuantity(),
            Futures = Summary(),
        };
    }

    private FuturesSummary Summary()
    {
        var paid = 0m;
        var received = 0m;
        foreach (var payment in _ledger.Payments)
        {
            if (payment.Amount < 0) paid += payment.Amount;
            else received += payment.Amount;
        }
        var futures = Settings.Futures!;
        return new FuturesSummary
        {
            Leverage = futures.Leverage, FundingSource = futures.Funding.Source, SpotCandlesStandIn = futures.SpotCandlesStandIn,
            FundingPaid = paid, FundingReceived = received, FundingSettlements = _account.FundingSettlements,
            Liquidations = _account.Liquidations, LiquidationLoss = _account.LiquidationLoss, Trades = _ledger.Trades, Payments = _ledger.Payments,
        };
    }
}
