using Trading.Core.Model;

namespace Trading.Core.Futures;

/// <summary>
/// A USDⓈ-M account in isolated margin mode: the USDT wallet balance and the positions, each holding its own margin.
/// Fills, funding and liquidations are booked here (docs/futures.md): fees and realized PnL move the wallet, opening
/// moves wallet into a position's isolated margin, funding moves the position's margin (and so the wallet), and a
/// liquidation loses exactly the position's margin.
/// </summary>
public sealed class FuturesAccount
{
    private readonly Dictionary<(Symbol, PositionSide), FuturesPosition> _positions = [];
    private FuturesPosition? _spare;

    public FuturesAccount(decimal walletBalance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(walletBalance);
        WalletBalance = walletBalance;
    }

    /// <summary>Deposits plus realized PnL and funding, less fees; it includes the positions' isolated margin.</summary>
    public decimal WalletBalance { get; private set; }

    public decimal FeesPaid { get; private set; }
    public decimal RealizedPnl { get; private set; }

    /// <summary>Net funding booked (negative: paid more than received).</summary>
    public decimal Funding { get; private set; }

    public int FundingSettlements { get; private set; }
    public int Liquidations { get; private set; }
    public decimal LiquidationLoss { get; private set; }

    public IReadOnlyCollection<FuturesPosition> Positions => _positions.Values;

    public decimal IsolatedMargin
    {
        get
        {
            var sum = 0m;
            foreach (var p in _positions.Values) sum += p.IsolatedMargin;
            return sum;
        }
    }

    /// <summary>What new positions may use: the wallet less the margin the positions hold.</summary>
    public decimal AvailableBalance => WalletBalance - IsolatedMargin;

    public decimal UnrealizedPnl
    {
        get
        {
            var sum = 0m;
            foreach (var p in _positions.Values) sum += p.UnrealizedPnl;
            return sum;
        }
    }

    public decimal Equity => WalletBalance + UnrealizedPnl;

    /// <summary>The sum of the positions' notionals at their mark prices.</summary>
    public decimal Exposure
    {
        get
        {
            var sum = 0m;
            foreach (var p in _positions.Values) sum += p.Notional;
            return sum;
        }
    }

    public FuturesPosition? Find(Symbol symbol, PositionSide positionSide) => _positions.GetValueOrDefault((symbol, positionSide));

    /// <summary>
    /// Opens or increases a position: the entry price becomes the quantity-weighted average, the margin grows by the new
    /// quantity's initial margin at <paramref name="leverage"/>, and the fee is charged.
    /// </summary>
    public FuturesPosition Open(Symbol symbol, PositionSide positionSide, int direction, decimal quantity, decimal price, decimal fee,
        int leverage, LeverageBrackets brackets, DateTimeOffset time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentNullException.ThrowIfNull(brackets);
        if (!_positions.TryGetValue((symbol, positionSide), out var position))
        {
            position = _spare?.Reuse(symbol, positionSide, direction, leverage, brackets) ?? new FuturesPosition(symbol, positionSide, direction, leverage, brackets);
            _spare = null;
            position.OpenedAt = time;
            _positions[(symbol, positionSide)] = position;
        }
        else if (position.Direction != direction)
        {
            throw new InvalidOperationException($"{position} cannot be increased in the other direction: reduce it first.");
        }
        var total = position.Quantity + quantity;
        position.EntryPrice = (position.Quantity * position.EntryPrice + quantity * price) / total;
        position.Quantity = total;
        position.IsolatedMargin += FuturesMath.InitialMargin(quantity, price, position.Leverage);
        position.EntryFees += fee;
        position.MarkPrice = price;
        position.Reprice();
        if (position.OpenLiquidationPrice == 0) position.OpenLiquidationPrice = position.LiquidationPrice;
        Charge(fee);
        return position;
    }

    /// <summary>
    /// Reduces or closes a position at <paramref name="price"/>: the realized PnL of the quantity and the fee go to the
    /// wallet and the quantity's share of the margin is released. Returns the realized PnL before fees.
    /// </summary>
    public decimal Reduce(FuturesPosition position, decimal quantity, decimal price, decimal fee)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (quantity <= 0 || quantity > position.Quantity)
            throw new InvalidOperationException($"a reduce-only fill of {quantity} does not fit {position}: it would flip or open a position");
        var pnl = FuturesMath.UnrealizedPnl(position.Direction, quantity, position.EntryPrice, price);
        var share = quantity / position.Quantity;
        position.IsolatedMargin -= position.IsolatedMargin * share;
        position.EntryFees -= position.EntryFees * share;
        position.Funding -= position.Funding * share;
        position.Quantity -= quantity;
        position.MarkPrice = price;
        WalletBalance += pnl;
        RealizedPnl += pnl;
        Charge(fee);
        if (position.Quantity == 0) Remove(position);
        else position.Reprice();
        return pnl;
    }

    /// <summary>Liquidates a position at its liquidation price: its whole isolated margin is lost. Returns the loss (negative).</summary>
    public decimal Liquidate(FuturesPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        var loss = -position.IsolatedMargin;
        WalletBalance += loss;
        RealizedPnl += loss;
        LiquidationLoss += loss;
        Liquidations++;
        position.MarkPrice = position.LiquidationPrice;
        position.Quantity = 0;
        position.IsolatedMargin = 0;
        Remove(position);
        return loss;
    }

    /// <summary>Settles funding on a position at <paramref name="markPrice"/>: booked to its isolated margin and to the wallet.</summary>
    public FundingPayment SettleFunding(FuturesPosition position, decimal rate, decimal markPrice, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(position);
        var amount = FuturesMath.Funding(position.Direction, position.Quantity, markPrice, rate);
        position.IsolatedMargin += amount;
        position.Funding += amount;
        position.MarkPrice = markPrice;
        position.Reprice();
        WalletBalance += amount;
        Funding += amount;
        FundingSettlements++;
        return new FundingPayment(position.Symbol, position.PositionSide, position.Direction, time, position.Quantity, markPrice, rate, amount);
    }

    public void Mark(Symbol symbol, decimal markPrice)
    {
        foreach (var position in _positions.Values)
        {
            if (position.Symbol == symbol) position.MarkPrice = markPrice;
        }
    }

    /// <summary>A closed position's object is kept for the next one (a backtest opens thousands; none is held after it closed).</summary>
    private void Remove(FuturesPosition position)
    {
        _positions.Remove((position.Symbol, position.PositionSide));
        _spare = position;
    }

    private void Charge(decimal fee)
    {
        WalletBalance -= fee;
        FeesPaid += fee;
    }
}
