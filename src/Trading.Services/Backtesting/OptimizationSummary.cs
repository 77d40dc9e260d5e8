namespace Trading.Services.Backtesting;

/// <summary>What an optimisation stores in StatisticsJson and prints: the ranking (best first) and the walk-forward folds.</summary>
public sealed record OptimizationSummary(
    string Metric,
    int Candidates,
    int TrialsRun,
    double Seconds,
    IReadOnlyList<OptimizationSummary.Row> Ranking,
    IReadOnlyList<OptimizationSummary.Fold> WalkForward)
{
    public sealed record Row(int Rank, IReadOnlyDictionary<string, string> Parameters, double Score, double TotalReturn, double Sharpe,
        double Calmar, double MaxDrawdown, int Trades, double? ProfitFactor);

    public sealed record Fold(int Number, long InSampleFromMs, long OutOfSampleFromMs, long OutOfSampleToMs,
        IReadOnlyDictionary<string, string> Parameters, double InSampleScore, double OutOfSampleScore, double InSampleReturn, double OutOfSampleReturn);
}
