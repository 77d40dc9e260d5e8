using Trading.Core.Model;

namespace Trading.Core.Futures;

/// <summary>
/// The leverage brackets shipped as data for backtests without a venue (docs/futures.md cites the source). A symbol not
/// listed here is an unknown futures symbol until its brackets come from the exchange.
/// </summary>
public static class KnownLeverageBrackets
{
    /// <summary>BTCUSDT perpetual's default brackets: notional floor and cap in USDT, max leverage, maintenance rate, maintenance amount.</summary>
    public static LeverageBrackets BtcUsdt { get; } = new(new Symbol("BTCUSDT"),
    [
        new(1, 125, 0m, 50_000m, 0.004m, 0m),
        new(2, 100, 50_000m, 250_000m, 0.005m, 50m),
        new(3, 50, 250_000m, 1_000_000m, 0.01m, 1_300m),
        new(4, 20, 1_000_000m, 10_000_000m, 0.025m, 16_300m),
        new(5, 10, 10_000_000m, 20_000_000m, 0.05m, 266_300m),
        new(6, 5, 20_000_000m, 50_000_000m, 0.1m, 1_266_300m),
        new(7, 4, 50_000_000m, 100_000_000m, 0.125m, 2_516_300m),
        new(8, 3, 100_000_000m, 200_000_000m, 0.15m, 5_016_300m),
        new(9, 2, 200_000_000m, 300_000_000m, 0.25m, 25_016_300m),
        new(10, 1, 300_000_000m, 500_000_000m, 0.5m, 100_016_300m),
    ]);

    public static bool TryGet(Symbol symbol, out LeverageBrackets brackets)
    {
        brackets = BtcUsdt;
        return symbol == BtcUsdt.Symbol;
    }
}
