using System.Globalization;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Core.Strategies.Regime;

namespace Trading.Core.Allocation;

/// <summary>
/// Shares one account's equity among strategies (docs/allocation.md). It sits in the <see cref="Execution.ExecutionKernel"/>
/// between a strategy's sizing and the risk gate: an entry is cut to what is left of the strategy's share of equity (shrunk
/// while the symbol's regime is UNCERTAIN) and to what is left under the portfolio heat cap. It books every fill of an order
/// it knows to that order's strategy, so each strategy has its own sleeve of the common position. Every cut and denial is
/// handed to <see cref="Decided"/> with its reason.
/// </summary>
public sealed class CapitalAllocator
{
    private readonly Dictionary<(string Strategy, Symbol Symbol), StrategySleeve> _sleeves = [];
    private readonly List<StrategySleeve> _sleeveList = [];
    private readonly Dictionary<string, PendingEntry> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<Symbol, RegimeClassifier> _regimes = [];
    private readonly RegimeClassifierOptions? _regimeOptions;

    public CapitalAllocator(AllocationLimits? limits = null, RegimeClassifierOptions? regimeOptions = null)
    {
        Limits = limits ?? new AllocationLimits();
        Limits.Validate();
        _regimeOptions = regimeOptions;
    }

    public AllocationLimits Limits { get; }

    /// <summary>Every entry the allocator cut or denied, with the limit and the reason.</summary>
    public event Action<AllocationDecision>? Decided;

    public IReadOnlyList<StrategySleeve> Sleeves => _sleeveList;

    /// <summary>Feeds the symbol's regime classifier one closed candle; returns the regime it now sees.</summary>
    public MarketRegime Observe(in Candle candle)
    {
        if (!_regimes.TryGetValue(candle.Symbol, out var classifier))
            _regimes[candle.Symbol] = classifier = new RegimeClassifier(_regimeOptions);
        return classifier.Update(candle);
    }

    /// <summary>The symbol's regime; UNCERTAIN until its classifier has seen enough candles.</summary>
    public MarketRegime RegimeOf(Symbol symbol) => _regimes.TryGetValue(symbol, out var classifier) ? classifier.Current : MarketRegime.Uncertain;

    /// <summary>Portfolio heat: the open risk to the stops of every position and every unfilled entry.</summary>
    public decimal Heat
    {
        get
        {
            var heat = 0m;
            foreach (var sleeve in _sleeveList) heat += sleeve.OpenRisk;
            foreach (var order in _orders.Values) heat += order.Risk;
            return heat;
        }
    }

    /// <summary>The capital a strategy holds in positions and unfilled entries.</summary>
    public decimal Committed(string strategy)
    {
        var capital = 0m;
        foreach (var sleeve in _sleeveList)
            if (sleeve.Strategy == strategy) capital += sleeve.Capital;
        foreach (var order in _orders.Values)
            if (order.Sleeve.Strategy == strategy) capital += order.Capital;
        return capital;
    }

    /// <summary>What the strategy holds of the symbol (positive), and in which direction.</summary>
    public decimal Held(string strategy, Symbol symbol, out int direction)
    {
        var sleeve = _sleeves.GetValueOrDefault((strategy, symbol));
        direction = sleeve?.Direction ?? 1;
        return sleeve?.Quantity ?? 0m;
    }

    public StrategySleeve SleeveOf(string strategy, Symbol symbol)
    {
        if (_sleeves.TryGetValue((strategy, symbol), out var sleeve)) return sleeve;
        sleeve = new StrategySleeve(strategy, symbol);
        _sleeves[(strategy, symbol)] = sleeve;
        _sleeveList.Add(sleeve);
        return sleeve;
    }

    /// <summary>
    /// The quantity of an entry the strategy may open: <paramref name="quantity"/> cut to its budget, then to the heat cap,
    /// rounded down to the step. <paramref name="capitalPerUnit"/> is the capital one unit holds (the price on spot, price ÷
    /// leverage on futures), <paramref name="riskPerUnit"/> what one unit loses at its stop.
    /// </summary>
    public AllocationDecision Allocate(string strategy, Symbol symbol, decimal quantity, decimal price, decimal capitalPerUnit, decimal riskPerUnit,
        decimal equity, SymbolFilters? filters)
    {
        ArgumentException.ThrowIfNullOrEmpty(strategy);
        var uncertain = RegimeOf(symbol) == MarketRegime.Uncertain;
        var sharePct = Limits.MaxStrategySharePct * (uncertain ? Limits.UncertainRegimeFactor : 1m);
        var budget = equity * sharePct / 100m;
        var used = Committed(strategy);
        var granted = quantity;
        var check = RiskCheck.None;
        string? reason = null;
        if (capitalPerUnit > 0 && granted * capitalPerUnit > budget - used)
        {
            granted = Math.Max(0m, budget - used) / capitalPerUnit;
            check = RiskCheck.StrategyBudget;
            reason = Text($"{strategy} may hold {sharePct:0.##} % of equity {equity:0.00}{(uncertain ? $" (regime UNCERTAIN: {Limits.MaxStrategySharePct:0.##} % × {Limits.UncertainRegimeFactor:0.##})" : "")} = {budget:0.00}; {used:0.00} is in use");
        }
        var heatCap = equity * Limits.MaxPortfolioHeatPct / 100m;
        var heat = Heat;
        if (riskPerUnit > 0 && heat + granted * riskPerUnit > heatCap)
        {
            granted = Math.Max(0m, heatCap - heat) / riskPerUnit;
            check = RiskCheck.PortfolioHeat;
            reason = Text($"portfolio heat {heat:0.00} + {quantity * riskPerUnit:0.00} would exceed {Limits.MaxPortfolioHeatPct:0.##} % of equity {equity:0.00} = {heatCap:0.00}");
        }
        if (check == RiskCheck.None) return new AllocationDecision(strategy, symbol, quantity, quantity, check, null);
        granted = Math.Max(0m, filters?.RoundQuantity(granted) ?? granted);
        if (filters is not null && granted > 0 && (granted < filters.MinQuantity || granted * price < filters.MinNotional))
        {
            reason += Text($"; the {granted} left is below the symbol's minimum");
            granted = 0m;
        }
        var decision = new AllocationDecision(strategy, symbol, quantity, granted, check, reason);
        Decided?.Invoke(decision);
        return decision;
    }

    /// <summary>An order of <paramref name="strategy"/> handed to the venue: its fills book to the strategy's sleeve.</summary>
    public void Submitted(string orderId, string strategy, Symbol symbol, bool isEntry, int direction, decimal quantity, decimal capitalPerUnit, decimal riskPerUnit) =>
        _orders[orderId] = new PendingEntry(SleeveOf(strategy, symbol), isEntry, direction, quantity, capitalPerUnit, riskPerUnit);

    /// <summary>Whether the allocator knows the order's strategy.</summary>
    public bool Knows(string orderId) => _orders.ContainsKey(orderId);

    /// <summary>Whether the strategy has an open entry (or exit) order on the symbol.</summary>
    public bool HasOpenOrder(string strategy, Symbol symbol, bool entry)
    {
        foreach (var order in _orders.Values)
            if (order.IsEntry == entry && order.Sleeve.Symbol == symbol && order.Sleeve.Strategy == strategy) return true;
        return false;
    }

    /// <summary>The order left the book: what it did not fill no longer counts.</summary>
    public void Closed(string orderId) => _orders.Remove(orderId);

    /// <summary>
    /// Books a fill to its order's strategy. A fill of an order no strategy placed (a protective exit or a liquidation, which
    /// close the whole position) reduces every sleeve of the symbol in proportion to what it holds.
    /// </summary>
    public void Book(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var fee = FeeInQuote(fill);
        if (_orders.TryGetValue(fill.OrderId, out var order))
        {
            var quantity = fill.FeeAsset == fill.Symbol.BaseAsset && order.IsEntry ? fill.Quantity - fill.Fee : fill.Quantity;
            if (order.IsEntry)
            {
                // An order adopted without a price (a market order placed by another process) takes the fill's.
                var capital = order.CapitalPerUnit > 0 ? order.CapitalPerUnit : fill.Price;
                order.Sleeve.Add(order.Direction, quantity, fill.Price, fee, capital, order.RiskPerUnit > 0 ? order.RiskPerUnit : capital);
            }
            else order.Sleeve.Reduce(quantity, fill.Price, fee);
            order.Remaining = Math.Max(0m, order.Remaining - fill.Quantity);
            return;
        }
        var held = 0m;
        foreach (var sleeve in _sleeveList)
            if (sleeve.Symbol == fill.Symbol) held += sleeve.Quantity;
        if (held <= 0) return;
        foreach (var sleeve in _sleeveList)
        {
            if (sleeve.Symbol != fill.Symbol || sleeve.Quantity == 0) continue;
            var quantity = fill.Quantity >= held ? sleeve.Quantity : fill.Quantity * sleeve.Quantity / held;
            sleeve.Reduce(quantity, fill.Price, fee * sleeve.Quantity / held);
        }
    }

    /// <summary>
    /// A futures funding settlement of the symbol's position (<paramref name="amount"/>, negative when paid), shared among the
    /// sleeves holding it in proportion to what each holds.
    /// </summary>
    public void BookFunding(Symbol symbol, decimal amount)
    {
        var held = 0m;
        foreach (var sleeve in _sleeveList)
            if (sleeve.Symbol == symbol) held += sleeve.Quantity;
        if (held <= 0) return;
        foreach (var sleeve in _sleeveList)
            if (sleeve.Symbol == symbol && sleeve.Quantity > 0) sleeve.Fund(amount * sleeve.Quantity / held);
    }

    private static decimal FeeInQuote(Fill fill)
    {
        if (fill.FeeAsset == fill.Symbol.QuoteAsset) return fill.Fee;
        return fill.FeeAsset == fill.Symbol.BaseAsset ? fill.Fee * fill.Price : 0m;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
