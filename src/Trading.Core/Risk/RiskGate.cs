using Trading.Core.Model;

namespace Trading.Core.Risk;

/// <summary>
/// The mandatory step between a strategy (or the CLI, or the API) and a venue. <see cref="Evaluate"/> runs the
/// checks in their fixed order and returns the first denial, or the order rounded to the exchange filters.
/// The gate's only state is the trading state (persisted by the caller on <see cref="StateChanged"/>) and the
/// UTC day on which the daily loss limit halted entries.
/// </summary>
public sealed class RiskGate
{
    private const decimal Hundred = 100m;
    private readonly decimal _feeFactor;
    private long _entriesHaltedDay = long.MinValue;

    public RiskGate(RiskLimits limits, TradingState state = TradingState.Active)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        Limits = limits;
        State = state;
        _feeFactor = 1m + limits.FeeBps / 10_000m;
    }

    public RiskLimits Limits { get; }

    public TradingState State { get; private set; }

    /// <summary>Raised with the new state and why; callers persist it so the kill switch survives restarts.</summary>
    public event Action<TradingState, string>? StateChanged;

    /// <summary>The UTC date on which entries are halted by the daily loss limit, or null.</summary>
    public DateOnly? EntriesHaltedOn => _entriesHaltedDay == long.MinValue ? null : DateOnly.FromDayNumber((int)_entriesHaltedDay);

    public void SetState(TradingState state, string reason)
    {
        if (state == State) return;
        State = state;
        StateChanged?.Invoke(state, reason);
    }

    /// <summary>Runs the account-level checks without an order, so the kill switch engages as soon as a mark shows the breach.</summary>
    public void Monitor(IRiskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var equity = context.Equity;
        CheckDrawdown(context.PeakEquity, equity);
        if (IsDailyLossBreached(context.DayStartEquity, equity)) _entriesHaltedDay = UtcDay(context.Now);
    }

    public RiskDecision Evaluate(in OrderRequest request, IRiskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var isEntry = !request.IsExit;

        if (State == TradingState.Halted)
            return RiskDecision.Denied(RiskCheck.TradingState, "trading is HALTED (kill switch engaged)");
        if (State == TradingState.Reducing && isEntry)
            return RiskDecision.Denied(RiskCheck.TradingState, "trading is REDUCING: only exits are allowed");

        if (Limits.TradingHours is { } hours && !hours.Contains(context.Now))
            return RiskDecision.Denied(RiskCheck.TradingHours, $"outside the trading hours {hours}");

        var equity = context.Equity;
        if (isEntry && DeniesDailyLoss(context, equity) is { } dailyLoss) return dailyLoss;

        if (CheckDrawdown(context.PeakEquity, equity))
            return RiskDecision.Denied(RiskCheck.MaxDrawdown, $"drawdown from the equity peak {context.PeakEquity} reached {Limits.MaxDrawdownPct}%: kill switch engaged");

        var symbol = request.Symbol;
        var held = context.PositionQuantity(symbol);
        if (isEntry && held == 0 && context.OpenPositionCount >= Limits.MaxOpenPositions)
            return RiskDecision.Denied(RiskCheck.MaxOpenPositions, $"{context.OpenPositionCount} positions are open, the maximum is {Limits.MaxOpenPositions}");

        if (request.LimitPrice is <= 0)
            return RiskDecision.Denied(RiskCheck.ExchangeFilters, $"limit price must be positive, got {request.LimitPrice}");
        var hasLatest = context.TryGetLatestPrice(symbol, out var latest);
        var price = request.LimitPrice ?? latest;
        if (price <= 0)
            return RiskDecision.Denied(RiskCheck.MarketConnection, $"no market price for {symbol}");

        if (OrderValue.TryCompute(Math.Max(held, 0m), request.Quantity, price, _feeFactor) is null)
            return RiskDecision.Denied(isEntry ? RiskCheck.MaxPositionSize : RiskCheck.AvailableBalance,
                $"quantity {request.Quantity} at {price} is worth more than any account can hold");

        // An owned order (a strategy under the allocator) skips the symbol-wide duplicate check below, so the buys other
        // strategies and processes still wait on count towards the position; without an owner that check already denies them.
        var pending = request.Owner is null ? 0m : context.PendingBuyQuantity(symbol);
        if (isEntry && (held + pending + request.Quantity) * price > Limits.MaxPositionFraction * equity)
            return RiskDecision.Denied(RiskCheck.MaxPositionSize, $"position in {symbol} would exceed {Limits.MaxPositionFraction:P2} of equity {equity}");

        if (request.Owner is null && context.HasOpenOrder(symbol, request.Side))
            return RiskDecision.Denied(RiskCheck.DuplicateOrder, $"an open {request.Side} order on {symbol} already exists");

        if (DeniesBalance(request, context, price) is { } balance) return balance;

        if (Limits.PriceMoveGuardPct is { } guard && request.SignalPrice > 0 && hasLatest
            && Math.Abs(request.SignalPrice - latest) * Hundred > guard * latest)
            return RiskDecision.Denied(RiskCheck.PriceMoveGuard, $"signal price {request.SignalPrice} is more than {guard}% from the market price {latest}");

        if (!context.IsMarketConnectionHealthy)
            return RiskDecision.Denied(RiskCheck.MarketConnection, "the market data connection is not healthy");

        return ExchangeFilterCheck.Apply(request, context.GetFilters(symbol), price);
    }

    private RiskDecision? DeniesDailyLoss(IRiskContext context, decimal equity)
    {
        if (_entriesHaltedDay != long.MinValue && UtcDay(context.Now) == _entriesHaltedDay)
            return RiskDecision.Denied(RiskCheck.DailyLossLimit, "the daily loss limit was hit today: entries resume at the next UTC day");
        var dayStart = context.DayStartEquity;
        if (!IsDailyLossBreached(dayStart, equity)) return null;
        _entriesHaltedDay = UtcDay(context.Now);
        return RiskDecision.Denied(RiskCheck.DailyLossLimit,
            $"equity {equity} is down {Limits.DailyLossLimitPct}% or more from the day start {dayStart}: entries halted until the next UTC day");
    }

    /// <summary>A limit of 100 % or more cannot be breached while equity is positive: that case skips the multiplications.</summary>
    private bool IsDailyLossBreached(decimal dayStart, decimal equity) =>
        dayStart > 0 && !(Limits.DailyLossLimitPct >= Hundred && equity > 0)
        && (dayStart - equity) * Hundred >= Limits.DailyLossLimitPct * dayStart;

    /// <summary>Engages the kill switch at the drawdown threshold; true when it is breached. A limit of 100 % or more needs equity ≤ 0.</summary>
    private bool CheckDrawdown(decimal peak, decimal equity)
    {
        if (peak <= 0 || (Limits.MaxDrawdownPct >= Hundred && equity > 0)) return false;
        if ((peak - equity) * Hundred < Limits.MaxDrawdownPct * peak) return false;
        SetState(TradingState.Halted, $"drawdown reached {Limits.MaxDrawdownPct}% of the equity peak {peak}");
        return true;
    }

    private RiskDecision? DeniesBalance(in OrderRequest request, IRiskContext context, decimal price)
    {
        if (request.Side == OrderSide.Buy)
        {
            var cost = request.Quantity * price * _feeFactor;
            return cost > context.AvailableQuote
                ? RiskDecision.Denied(RiskCheck.AvailableBalance, $"buy needs {cost} quote including fees, available {context.AvailableQuote}")
                : null;
        }
        var free = context.AvailableBase(request.Symbol);
        return request.Quantity > free
            ? RiskDecision.Denied(RiskCheck.AvailableBalance, $"sell of {request.Quantity} exceeds the available {free} {request.Symbol}")
            : null;
    }

    private static long UtcDay(DateTimeOffset time) => time.UtcTicks / TimeSpan.TicksPerDay;
}
