namespace Trading.Core.Storage;

/// <summary>A stored backtest or optimisation run. The JSON columns hold the run's parameters, statistics, trades and equity curve.</summary>
public sealed record BacktestRunRecord
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required string Strategy { get; init; }
    public required string Symbol { get; init; }
    public required string Timeframe { get; init; }
    public required long FromMs { get; init; }
    public required long ToMs { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string ParametersJson { get; init; } = "{}";
    public string StatisticsJson { get; init; } = "{}";
    public string TradesJson { get; init; } = "[]";
    public string EquityJson { get; init; } = "[]";
}
