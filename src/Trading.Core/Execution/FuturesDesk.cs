using Trading.Core.Allocation;
using Trading.Core.Futures;
using Trading.Core.Model;
using Trading.Core.Risk;

namespace Trading.Core.Execution;

/// <summary>
/// The kernel's futures side: the USDⓈ-M account, the futures risk checks, and per symbol its leverage brackets, the
/// configured leverage and exchange filters. An <see cref="ExecutionKernel"/> with a desk trades the desk's symbols as
/// futures in one-way mode (position side BOTH); a symbol it does not hold trades as spot.
/// </summary>
public sealed class FuturesDesk
{
    private readonly Dictionary<Symbol, (LeverageBrackets Brackets, int Leverage, SymbolFilters Filters)> _symbols = [];

    public FuturesDesk(FuturesAccount account, FuturesRiskGate gate, decimal takerFeeRate)
    {
        Account = account ?? throw new ArgumentNullException(nameof(account));
        Gate = gate ?? throw new ArgumentNullException(nameof(gate));
        ArgumentOutOfRangeException.ThrowIfNegative(takerFeeRate);
        TakerFeeRate = takerFeeRate;
    }

    public FuturesAccount Account { get; }
    public FuturesRiskGate Gate { get; }
    public decimal TakerFeeRate { get; }

    /// <summary>Adds a symbol; a leverage above its bracket maximum is refused here, before anything trades.</summary>
    public void AddSymbol(LeverageBrackets brackets, int leverage, SymbolFilters filters)
    {
        ArgumentNullException.ThrowIfNull(brackets);
        ArgumentNullException.ThrowIfNull(filters);
        if (leverage < 1 || leverage > brackets.MaxLeverage)
            throw new ArgumentException($"leverage {leverage}x is outside 1..{brackets.MaxLeverage}x, the {brackets.Symbol} bracket maximum");
        _symbols[brackets.Symbol] = (brackets, leverage, filters);
    }

    public bool Trades(Symbol symbol) => _symbols.ContainsKey(symbol);

    public int LeverageOf(Symbol symbol) => _symbols[symbol].Leverage;

    public LeverageBrackets BracketsOf(Symbol symbol) => _symbols[symbol].Brackets;

    /// <summary>
    /// One-way mode: an intent against the open position reduces it (reduce-only, at most its quantity), otherwise it opens or
    /// increases a position in its direction. The quantity is the intent's, else the sizing rule's on equity × leverage (the
    /// rule sizes the margin). With an <paramref name="allocator"/> and an intent that names its strategy, an opening order is cut
    /// to the strategy's budget of margin and the heat cap, and a reducing one to what the strategy holds. Returns the gate's
    /// decision; <paramref name="order"/> says what the venue is to do.
    /// </summary>
    public RiskDecision Decide(in OrderIntent intent, decimal markPrice, PositionSizing? sizing, TradingState state, out FuturesOrderRequest order,
        CapitalAllocator? allocator = null)
    {
        var (brackets, leverage, filters) = _symbols[intent.Symbol];
        var direction = intent.Side == OrderSide.Buy ? 1 : -1;
        var position = Account.Find(intent.Symbol, PositionSide.Both);
        if (position is not null && position.Direction != direction)
        {
            var close = intent.Quantity > 0 ? Math.Min(intent.Quantity, position.Quantity) : position.Quantity;
            if (allocator is not null && intent.Strategy is { } owner) close = Math.Min(close, allocator.Held(owner, intent.Symbol, out _));
            order = new FuturesOrderRequest(intent.Symbol, PositionSide.Both, direction, close, markPrice, leverage, ReduceOnly: true);
        }
        else
        {
            var quantity = sizing is null && intent.Quantity > 0
                ? intent.Quantity
                : (sizing ?? new PositionSizing(PositionSizingMode.EquityFraction, 0.05m)).Size(Account.Equity * leverage, markPrice, intent.StopLoss, filters);
            if (allocator is not null && intent.Strategy is { } strategy && quantity > 0)
            {
                var allotted = allocator.Allocate(strategy, intent.Symbol, quantity, markPrice, markPrice / leverage,
                    RiskPerUnit(intent, markPrice, leverage), Account.Equity, filters);
                if (allotted.IsDenied)
                {
                    order = default;
                    return RiskDecision.Denied(allotted.Check, allotted.Reason!);
                }
                quantity = allotted.Granted;
            }
            order = new FuturesOrderRequest(intent.Symbol, PositionSide.Both, direction, quantity, markPrice, leverage, ReduceOnly: false);
        }
        if (order.Quantity <= 0) return RiskDecision.Denied(RiskCheck.Sizing, "signal sized to zero");
        return Gate.Evaluate(order, Account, brackets, filters, state, TakerFeeRate);
    }

    /// <summary>
    /// What one unit of an opening order loses to its stop for the allocator's heat: the distance to the intent's stop when it
    /// lies on the losing side, else the unit's margin (a liquidation loses no more).
    /// </summary>
    public static decimal RiskPerUnit(in OrderIntent intent, decimal markPrice, int leverage)
    {
        var direction = intent.Side == OrderSide.Buy ? 1 : -1;
        return intent.StopLoss is { } stop && stop > 0 && (stop - markPrice) * direction < 0 ? Math.Abs(markPrice - stop) : markPrice / leverage;
    }
}
