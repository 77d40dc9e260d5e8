using System.Globalization;

namespace Trading.Core.Backtesting.Statistics;

/// <summary>The statistics as labelled display text, in one order for the CLI table and the HTML report.</summary>
public static class StatisticsRows
{
    public static IReadOnlyList<(string Label, string Value)> For(BacktestStatistics s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return
        [
            ("Initial balance", Money(s.InitialBalance)),
            ("Final balance", Money(s.FinalBalance)),
            ("Total return", Percent(s.TotalReturn)),
            ("Annualised return", Percent(s.AnnualizedReturn)),
            ("Buy & hold return", Percent(s.BuyAndHoldReturn)),
            ("Sharpe", Ratio(s.Sharpe)),
            ("Sortino", Ratio(s.Sortino)),
            ("Calmar", Ratio(s.Calmar)),
            ("Max drawdown", Percent(-s.MaxDrawdown)),
            ("Max drawdown duration", Duration(s.MaxDrawdownDurationMs)),
            ("Exposure", Percent(s.Exposure)),
            ("Trades", s.Trades.ToString(CultureInfo.InvariantCulture)),
            ("Win rate", Percent(s.WinRate)),
            ("Profit factor", s.ProfitFactor is { } pf ? Ratio(pf) : "n/a"),
            ("Average win", Money(s.AverageWin)),
            ("Average loss", Money(s.AverageLoss)),
            ("Largest win", Money(s.LargestWin)),
            ("Largest loss", Money(s.LargestLoss)),
            ("Average holding time", Duration(s.AverageHoldingMs)),
            ("Fees paid", Money(s.FeesPaid)),
            ("Candles", s.Candles.ToString("N0", CultureInfo.InvariantCulture)),
        ];
    }

    public static string Percent(double fraction) => (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %";

    public static string Ratio(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Money(decimal value) => Math.Round(value, 2).ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>"3d 04:05" or "04:05:00" (hours:minutes:seconds).</summary>
    public static string Duration(long ms)
    {
        var span = TimeSpan.FromMilliseconds(ms);
        return span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span.Hours:00}:{span.Minutes:00}")
            : span.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
    }
}
