using Trading.Core.Model;
using Trading.Core.Risk;

namespace Trading.Core.Tests.Risk;

/// <summary>Risk-gate input set field by field, so each boundary test moves exactly one number.</summary>
internal sealed class TestRiskContext : IRiskContext
{
    public static readonly Symbol Btc = new("BTCUSDT");
    public static readonly Symbol Eth = new("ETHUSDT");
    public static readonly SymbolFilters Filters = new() { TickSize = 0.01m, StepSize = 0.001m, MinQuantity = 0.001m, MinNotional = 5m };

    public DateTimeOffset Now { get; set; } = new(2024, 1, 1, 12, 0, 0, TimeSpan.Zero);
    public decimal Equity { get; set; } = 10_000m;
    public decimal DayStartEquity { get; set; } = 10_000m;
    public decimal PeakEquity { get; set; } = 10_000m;
    public int OpenPositionCount { get; set; }
    public decimal AvailableQuote { get; set; } = 10_000m;
    public bool IsMarketConnectionHealthy { get; set; } = true;
    public Dictionary<Symbol, decimal> Positions { get; } = [];
    public Dictionary<Symbol, decimal> Prices { get; } = new() { [Btc] = 100m, [Eth] = 10m };
    public HashSet<(Symbol, OrderSide)> OpenOrders { get; } = [];

    public decimal PositionQuantity(Symbol symbol) => Positions.GetValueOrDefault(symbol);

    public bool HasOpenOrder(Symbol symbol, OrderSide side) => OpenOrders.Contains((symbol, side));

    public decimal AvailableBase(Symbol symbol) => Positions.GetValueOrDefault(symbol);

    public bool TryGetLatestPrice(Symbol symbol, out decimal price) => Prices.TryGetValue(symbol, out price);

    public SymbolFilters? GetFilters(Symbol symbol) => symbol == Btc || symbol == Eth ? Filters : null;
}
