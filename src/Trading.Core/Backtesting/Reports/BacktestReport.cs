using Trading.Core.Backtesting.Statistics;

namespace Trading.Core.Backtesting.Reports;

/// <summary>Everything the HTML report shows about one run.</summary>
public sealed record BacktestReport
{
    public required string RunId { get; init; }
    public required string Strategy { get; init; }
    public required string Symbol { get; init; }
    public required string Timeframe { get; init; }
    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }
    public required BacktestStatistics Statistics { get; init; }
    public required IReadOnlyList<ClosedTrade> Trades { get; init; }
    public required ChartSeries Chart { get; init; }

    /// <summary>A futures run's leverage, funding and liquidations; null for spot.</summary>
    public FuturesSummary? Futures { get; init; }

    /// <summary>A portfolio run's strategies and budget; null for a single strategy.</summary>
    public PortfolioSummary? Portfolio { get; init; }

    /// <summary>The symbol's price tick the run traded at (0 when a stored run predates it): prices print at this precision.</summary>
    public decimal TickSize { get; init; }

    /// <summary>The symbol's quantity step (0 when unknown): quantities print at this precision.</summary>
    public decimal StepSize { get; init; }
}
