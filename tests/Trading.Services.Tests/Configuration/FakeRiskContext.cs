using Trading.Core.Model;
using Trading.Core.Risk;

namespace Trading.Services.Tests.Configuration;

/// <summary>A flat 10,000 USDT account at noon UTC with BTCUSDT at 100, each field settable.</summary>
internal sealed class FakeRiskContext : IRiskContext
{
    public static readonly Symbol Btc = new("BTCUSDT");

    public DateTimeOffset Now { get; init; } = new(2024, 1, 1, 12, 0, 0, TimeSpan.Zero);
    public decimal Equity { get; init; } = 10_000m;
    public decimal DayStartEquity { get; init; } = 10_000m;
    public decimal PeakEquity { get; init; } = 10_000m;
    public int OpenPositionCount { get; init; }
    public decimal AvailableQuote { get; init; } = 10_000m;
    public bool IsMarketConnectionHealthy => true;
    public SymbolFilters Filters { get; init; } = new() { TickSize = 0.01m, StepSize = 0.00001m, MinQuantity = 0.00001m, MinNotional = 5m };

    public decimal PositionQuantity(Symbol symbol) => 0m;

    public bool HasOpenOrder(Symbol symbol, OrderSide side) => false;

    public decimal AvailableBase(Symbol symbol) => 0m;

    public bool TryGetLatestPrice(Symbol symbol, out decimal price)
    {
        price = 100m;
        return symbol == Btc;
    }

    public SymbolFilters? GetFilters(Symbol symbol) => symbol == Btc ? Filters : null;
}
