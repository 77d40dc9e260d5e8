namespace Trading.Core.Backtesting.Statistics;

/// <summary>
/// Turns a finished run into <see cref="BacktestStatistics"/>.
/// Total return = final / initial − 1. Annualised return, Sharpe, Sortino and drawdown: see
/// <see cref="EquityCurveMetrics"/>. Calmar = annualised return / max drawdown (0 without a drawdown).
/// Exposure = candles closing with a position / candles. Buy-and-hold = last close / first open − 1, without fees.
/// Trade figures: see <see cref="TradeMetrics"/>.
/// </summary>
public static class StatisticsCalculator
{
    public static BacktestStatistics Compute(StatisticsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var equity = input.Equity.Span;
        var initial = (double)input.InitialBalance;
        var totalReturn = (double)(input.FinalBalance / input.InitialBalance) - 1;
        var annualized = EquityCurveMetrics.Annualize(totalReturn, equity.Length, input.CandleIntervalMs);
        var (sharpe, sortino) = EquityCurveMetrics.RiskAdjusted(initial, equity, input.CandleIntervalMs);
        var (maxDrawdown, underwater) = EquityCurveMetrics.Drawdown(initial, equity);
        var trades = input.TradeMetrics ?? TradeMetrics.From(input.Trades);
        return new BacktestStatistics
        {
            InitialBalance = input.InitialBalance,
            FinalBalance = input.FinalBalance,
            TotalReturn = totalReturn,
            AnnualizedReturn = annualized,
            Sharpe = sharpe,
            Sortino = sortino,
            Calmar = maxDrawdown > 0 ? annualized / maxDrawdown : 0,
            MaxDrawdown = maxDrawdown,
            MaxDrawdownDurationMs = underwater * input.CandleIntervalMs,
            Exposure = equity.Length > 0 ? (double)input.CandlesInPosition / equity.Length : 0,
            Trades = trades.Trades,
            WinRate = trades.WinRate,
            ProfitFactor = trades.ProfitFactor,
            AverageWin = trades.AverageWin,
            AverageLoss = trades.AverageLoss,
            LargestWin = trades.LargestWin,
            LargestLoss = trades.LargestLoss,
            AverageHoldingMs = trades.AverageHoldingMs,
            FeesPaid = input.FeesPaid,
            BuyAndHoldReturn = input.FirstOpen > 0 ? (double)(input.LastClose / input.FirstOpen) - 1 : 0,
            Candles = equity.Length,
        };
    }
}
