using System.Diagnostics;
using System.Globalization;
using Trading.Core.Backtesting;
using Trading.Core.Backtesting.Optimization;
using Trading.Core.Storage;
using Trading.Core.Strategies;

namespace Trading.Services.Backtesting;

/// <summary>
/// Parameter searches for the CLI and the API: every candidate is validated before any run (a bad one stops the
/// search with a one-line error and nothing stored), candles are loaded once, trials run on all the jobs, and the
/// ranking (plus walk-forward folds) is stored as a run of kind "optimize".
/// </summary>
public sealed class OptimizationService(ITradingStore store, StrategyRegistry registry)
{
    public const int StoredRows = 50;

    /// <param name="Futures">--market usdm: leverage, brackets and funding, resolved once for every trial; null for spot.</param>
    public sealed record Prepared(OptimizationRequest Request, BacktestData Data, IReadOnlyList<IReadOnlyDictionary<string, string>> Candidates, FilterChoice Filters,
        FuturesBacktestSettings? Futures = null)
    {
        /// <summary>Backtests the search will run, for a progress bar.</summary>
        public int TotalTrials => Candidates.Count * (Request.WalkForwardFolds ?? 1);
    }

    public async Task<Prepared> PrepareAsync(OptimizationRequest request, CancellationToken ct = default)
    {
        var candidates = CheckParameters(request, registry);
        var b = request.Base;
        var (candles, futures) = await FuturesMarketData.LoadAsync(store, b, ct).ConfigureAwait(false);
        var filters = await BacktestFilters.ResolveAsync(store.SymbolFilters, b.Symbol, b.FilterOverride, candles, ct).ConfigureAwait(false);
        return new Prepared(request, new BacktestData(candles), candidates, filters, futures);
    }

    /// <summary>Every parameter set the search would try, each checked against the strategy: bad input is refused before any data is read.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> CheckParameters(OptimizationRequest request, StrategyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var candidates = Candidates(request);
        foreach (var candidate in candidates) BacktestService.CreateStrategy(registry, request.Base.Strategy, candidate);
        return candidates;
    }

    public OptimizationSummary Run(Prepared prepared, Action? onTrialDone = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var request = prepared.Request;
        var settings = request.Base.ToSettings(prepared.Filters.Filters) with { Futures = prepared.Futures };
        var optimizer = new Optimizer(prepared.Data, settings, p => registry.Create(request.Base.Strategy, p));
        var clock = Stopwatch.StartNew();
        IReadOnlyList<OptimizationTrial> ranked;
        IReadOnlyList<WalkForwardResult> folds = [];
        if (request.WalkForwardFolds is { } count)
        {
            folds = WalkForward.Run(optimizer, prepared.Data, prepared.Candidates, request.Metric, count, request.Jobs, onTrialDone, ct);
            ranked = Optimizer.Rank(folds.Select(f => f.BestInSample));
        }
        else
        {
            ranked = optimizer.Run(prepared.Candidates, request.Metric, request.Jobs, onTrialDone: onTrialDone, ct: ct);
        }
        var rows = ranked.Take(StoredRows).Select((t, i) => new OptimizationSummary.Row(i + 1, t.Parameters, t.Score,
            t.Statistics.TotalReturn, t.Statistics.Sharpe, t.Statistics.Calmar, t.Statistics.MaxDrawdown, t.Statistics.Trades, t.Statistics.ProfitFactor)).ToArray();
        var foldRows = folds.Select(f => new OptimizationSummary.Fold(f.Fold.Number, f.InSampleFromMs, f.OutOfSampleFromMs, f.OutOfSampleToMs,
            f.BestInSample.Parameters, f.BestInSample.Score, f.OutOfSample.Score, f.BestInSample.Statistics.TotalReturn, f.OutOfSample.Statistics.TotalReturn)).ToArray();
        return new OptimizationSummary(request.Metric.Name(), prepared.Candidates.Count, prepared.TotalTrials, clock.Elapsed.TotalSeconds, rows, foldRows);
    }

    public async Task<BacktestRunRecord> SaveAsync(string id, OptimizationRequest request, OptimizationSummary summary, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var b = request.Base;
        var record = new BacktestRunRecord
        {
            Id = id, Kind = "optimize", Strategy = b.Strategy, Symbol = b.Symbol.Name, Timeframe = b.Timeframe.Name,
            FromMs = b.FromMs, ToMs = b.ToMs, CreatedAt = DateTimeOffset.UtcNow,
            ParametersJson = BacktestJson.Serialize(new
            {
                strategy = b.Strategy, ranges = request.Ranges, method = request.Method, trials = request.Trials, seed = request.Seed,
                metric = request.Metric.Name(), jobs = request.Jobs, walkForwardFolds = request.WalkForwardFolds,
                balance = b.Balance, feeBps = b.FeeBps, slippageBps = b.SlippageBps,
                market = b.Futures is null ? "spot" : "usdm", leverage = b.Futures?.Leverage, fundingRate = b.Futures?.FundingRate,
                fundingFiles = b.Futures?.FundingFiles,
            }),
            StatisticsJson = BacktestJson.Serialize(summary),
        };
        await store.BacktestRuns.SaveAsync(record, ct).ConfigureAwait(false);
        return record;
    }

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> Candidates(OptimizationRequest request)
    {
        ParameterSpace space;
        try
        {
            space = new ParameterSpace(request.Ranges.Select(ParameterRange.Parse));
        }
        catch (FormatException e)
        {
            throw new BacktestInputException(e.Message);
        }
        if (request.Method == "grid" && space.Count > OptimizationRequest.MaxCandidates)
            throw new BacktestInputException($"the grid has {space.Count:N0} parameter sets, more than {OptimizationRequest.MaxCandidates:N0}: use --method random --trials N.");
        var sets = request.Method == "grid" ? space.Grid() : space.Random(request.Trials, request.Seed);
        return sets.Select(ToText).ToArray();
    }

    private static IReadOnlyDictionary<string, string> ToText(IReadOnlyDictionary<string, decimal> values) =>
        values.ToDictionary(v => v.Key, v => Text(v.Value), StringComparer.OrdinalIgnoreCase);

    // Whole numbers print without a fraction ("25", not "25.0") so integer parameters accept them.
    private static string Text(decimal value) =>
        value == decimal.Truncate(value) ? decimal.Truncate(value).ToString("0", CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);
}
