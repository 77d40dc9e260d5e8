using Trading.Core.Model;

namespace Trading.Core.Backtesting;

/// <summary>
/// Exchange filters guessed from a symbol's candles when nothing better is known:
/// the tick is the smallest price increment the data shows (10^-d, d = the most decimals of any open, high, low or close,
/// trailing zeros dropped, at most 8); the step is the largest power of ten whose notional at the highest high is at most
/// one quote unit (within 10^-8..1); the minimum notional is 5 in a USD stablecoin, else 0. No maximums.
/// </summary>
public static class DerivedFilters
{
    public const int MaxDecimals = 8;
    private static readonly string[] UsdStableQuotes = ["USDT", "USDC", "FDUSD", "BUSD", "TUSD"];

    public static SymbolFilters FromCandles(ReadOnlySpan<Candle> candles, string quoteAsset)
    {
        var decimals = 0;
        var highest = 0m;
        foreach (ref readonly var c in candles)
        {
            if (decimals < MaxDecimals)
                decimals = Math.Max(decimals, Math.Max(Math.Max(Decimals(c.Open), Decimals(c.High)), Math.Max(Decimals(c.Low), Decimals(c.Close))));
            if (c.High > highest) highest = c.High;
        }
        var tick = PowerOfTen(-Math.Min(decimals, MaxDecimals));
        var step = StepFor(highest);
        return new SymbolFilters
        {
            TickSize = tick,
            MinPrice = tick,
            StepSize = step,
            MinQuantity = step,
            MinNotional = UsdStableQuotes.Contains(quoteAsset, StringComparer.Ordinal) ? 5m : 0m,
        };
    }

    /// <summary>The decimals of <paramref name="value"/> without trailing zeros: 46216.930 has 2.</summary>
    public static int Decimals(decimal value)
    {
        if (value.Scale == 0) return 0;
        return (value / 1.000000000000000000000000000000000m).Scale;
    }

    /// <summary>The largest power of ten at most 1 / <paramref name="highestPrice"/>, within 10^-8..1.</summary>
    public static decimal StepFor(decimal highestPrice)
    {
        var step = 1m;
        for (var i = 0; i < MaxDecimals && step * highestPrice > 1m; i++) step /= 10m;
        return step;
    }

    private static decimal PowerOfTen(int exponent)
    {
        var value = 1m;
        for (var i = 0; i < -exponent; i++) value /= 10m;
        return value;
    }
}
