namespace Trading.Services.Tests.Backtesting.Golden;

/// <summary>Indicators written out from their textbook definitions for the golden-master tests (no shared code).</summary>
internal static class ReferenceIndicators
{
    /// <summary>
    /// Wilder's RSI: the first value comes after period + 1 closes, with the average gain and loss the plain means of
    /// the first period changes; after that avg = (avg × (period − 1) + change) / period. RSI = 100 × gain / (gain + loss).
    /// </summary>
    public static double[] Rsi(double[] closes, int period)
    {
        var rsi = new double[closes.Length];
        Array.Fill(rsi, double.NaN);
        double gain = 0, loss = 0;
        for (var i = 1; i < closes.Length; i++)
        {
            var change = closes[i] - closes[i - 1];
            var up = change > 0 ? change : 0;
            var down = change < 0 ? -change : 0;
            if (i <= period)
            {
                gain += up;
                loss += down;
                if (i < period) continue;
                gain /= period;
                loss /= period;
            }
            else
            {
                gain = (gain * (period - 1) + up) / period;
                loss = (loss * (period - 1) + down) / period;
            }
            rsi[i] = gain + loss == 0 ? 0 : 100 * (gain / (gain + loss));
        }
        return rsi;
    }

    /// <summary>The mean of the last <paramref name="period"/> closes, summed afresh each time; NaN before that.</summary>
    public static double[] Sma(double[] closes, int period)
    {
        var sma = new double[closes.Length];
        for (var i = 0; i < closes.Length; i++)
        {
            if (i < period - 1)
            {
                sma[i] = double.NaN;
                continue;
            }
            var sum = 0.0;
            for (var k = i - period + 1; k <= i; k++) sum += closes[k];
            sma[i] = sum / period;
        }
        return sma;
    }
}
