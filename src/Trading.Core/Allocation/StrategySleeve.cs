using Trading.Core.Model;

namespace Trading.Core.Allocation;

/// <summary>
/// One strategy's share of one symbol's position in the common account: its quantity and direction, the capital it
/// holds (notional on spot, margin on futures), its open risk to the stop, and what it has realised (average cost, net
/// of every fee, as docs/portfolio.md books the account).
/// </summary>
public sealed class StrategySleeve(string strategy, Symbol symbol)
{
    public string Strategy { get; } = strategy;
    public Symbol Symbol { get; } = symbol;

    /// <summary>The quantity held, always positive; <see cref="Direction"/> says long (+1) or short (−1).</summary>
    public decimal Quantity { get; private set; }

    public int Direction { get; private set; } = 1;
    public decimal AveragePrice { get; private set; }

    /// <summary>Capital held in the position: quantity × entry price on spot, its margin on futures.</summary>
    public decimal Capital { get; private set; }

    /// <summary>What the position loses if its stop is hit (its whole capital when it has no stop).</summary>
    public decimal OpenRisk { get; private set; }

    /// <summary>The entry fees of what is held, charged to the trade as it is closed.</summary>
    public decimal EntryFees { get; private set; }

    public decimal RealizedPnl { get; private set; }

    /// <summary>Futures funding booked to the sleeve (received positive, paid negative), part of <see cref="RealizedPnl"/>.</summary>
    public decimal Funding { get; private set; }
    public decimal FeesPaid { get; private set; }
    public int Trades { get; private set; }
    public int Wins { get; private set; }
    public int Fills { get; private set; }

    /// <summary>Quantity × average price plus the entry fees: what the strategy paid for what it holds.</summary>
    public decimal CostBasis => Quantity * AveragePrice + EntryFees;

    /// <summary>What closing the rest at <paramref name="price"/> would add to the realised PnL, entry fees included.</summary>
    public decimal UnrealizedPnl(decimal price) => Quantity == 0 ? 0m : Direction * Quantity * (price - AveragePrice) - EntryFees;

    internal void Add(int direction, decimal quantity, decimal price, decimal fee, decimal capitalPerUnit, decimal riskPerUnit)
    {
        if (quantity <= 0) return;
        if (Quantity == 0) Direction = direction;
        AveragePrice = (Quantity * AveragePrice + quantity * price) / (Quantity + quantity);
        Quantity += quantity;
        Capital += quantity * capitalPerUnit;
        OpenRisk += quantity * riskPerUnit;
        EntryFees += fee;
        FeesPaid += fee;
        Fills++;
    }

    /// <summary>A futures funding settlement's share booked to this sleeve (negative: paid); it counts in the realised PnL.</summary>
    internal void Fund(decimal amount)
    {
        RealizedPnl += amount;
        Funding += amount;
    }

    /// <summary>
    /// Closes <paramref name="quantity"/> (at most what is held) at <paramref name="price"/>. Each exit closes a trade, as the
    /// backtest statistics count them (docs/backtesting.md): a win when its PnL, net of its share of the entry fees, is positive.
    /// </summary>
    internal void Reduce(decimal quantity, decimal price, decimal fee)
    {
        quantity = Math.Min(quantity, Quantity);
        if (quantity <= 0) return;
        var part = quantity / Quantity;
        var entryFees = EntryFees * part;
        var pnl = Direction * quantity * (price - AveragePrice) - entryFees - fee;
        RealizedPnl += pnl;
        FeesPaid += fee;
        Fills++;
        Trades++;
        if (pnl > 0) Wins++;
        Capital -= Capital * part;
        OpenRisk -= OpenRisk * part;
        EntryFees -= entryFees;
        Quantity -= quantity;
        if (Quantity == 0) Capital = OpenRisk = EntryFees = AveragePrice = 0;
    }
}
