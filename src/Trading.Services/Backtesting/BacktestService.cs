using System.Globalization;
using Trading.Core.Backtesting;
using Trading.Core.Backtesting.Reports;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Core.Strategies;

namespace Trading.Services.Backtesting;

/// <summary>
/// Backtests for the CLI and the API: validate the request, load its candles and pick its filters (<see cref="PrepareAsync"/>), run the
/// engine (<see cref="Run"/>), then store the run (<see cref="SaveAsync"/>). Bad input throws
/// <see cref="BacktestInputException"/> before anything is stored.
/// </summary>
public sealed class BacktestService(ITradingStore store, StrategyRegistry registry)
{
    public async Task<PreparedBacktest> PrepareAsync(BacktestRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var portfolio = request.IsPortfolio ? PortfolioStrategies.Create(registry, request.Strategy, request.Parameters) : [];
        var strategy = request.IsPortfolio ? portfolio[0] : CreateStrategy(registry, request.Strategy, request.Parameters);
        var (candles, futures) = await FuturesMarketData.LoadAsync(store, request, ct).ConfigureAwait(false);
        var filters = await BacktestFilters.ResolveAsync(store.SymbolFilters, request.Symbol, request.FilterOverride, candles, ct).ConfigureAwait(false);
        return new PreparedBacktest(request, strategy, new BacktestData(candles), filters, futures) { Portfolio = portfolio };
    }

    public static BacktestReport Run(PreparedBacktest prepared, string runId, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (prepared.Portfolio.Count > 0) return RunPortfolio(prepared, runId, progress, ct);
        var result = new BacktestEngine().Run(prepared.Strategy, prepared.Data, prepared.Settings, progress: progress, ct: ct);
        return Report(prepared, runId, result, prepared.Strategy.Name, prepared.Strategy.Values);
    }

    /// <summary>Several strategies on one account under the allocator: the account's report plus each strategy's figures.</summary>
    private static BacktestReport RunPortfolio(PreparedBacktest prepared, string runId, IProgress<int>? progress, CancellationToken ct)
    {
        var result = new PortfolioBacktestEngine().Run(prepared.Portfolio, prepared.Data, prepared.Settings, prepared.Request.Allocation, progress, ct);
        return Report(prepared, runId, result.Total, prepared.Request.Strategy, PortfolioStrategies.Values(prepared.Portfolio)) with
        {
            Portfolio = new PortfolioSummary(result.Strategies, result.Limits, result.PeakHeatPct),
        };
    }

    private static BacktestReport Report(PreparedBacktest prepared, string runId, BacktestResult result, string strategy, IReadOnlyDictionary<string, string> parameters)
    {
        var candles = prepared.Data.Candles.Span;
        return new BacktestReport
        {
            RunId = runId,
            Strategy = strategy,
            Symbol = prepared.Request.Symbol.Name,
            Timeframe = prepared.Request.Timeframe.Name,
            From = candles[0].OpenTime,
            To = candles[^1].CloseTime,
            Parameters = parameters,
            Statistics = result.Statistics,
            Trades = result.Trades,
            Chart = ChartSeries.Build(candles, result.Equity.Span, (double)prepared.Settings.InitialBalance, result.Fills),
            Futures = result.Futures,
            TickSize = prepared.Filters.Filters.TickSize,
            StepSize = prepared.Filters.Filters.StepSize,
        };
    }

    public async Task<BacktestRunRecord> SaveAsync(PreparedBacktest prepared, BacktestReport report, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var record = BacktestJson.ToRecord(report.RunId, prepared.Request, report.Parameters, report);
        await store.BacktestRuns.SaveAsync(record, ct).ConfigureAwait(false);
        return record;
    }

    public static string NewRunId(string kind) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}");

    public static StrategyBase CreateStrategy(StrategyRegistry registry, string name, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(registry);
        try
        {
            return registry.Create(name, parameters);
        }
        catch (StrategyConfigurationException e)
        {
            throw new BacktestInputException(e.Message);
        }
    }

    public static async Task<Candle[]> LoadCandlesAsync(ITradingStore store, Symbol symbol, Timeframe timeframe, long fromMs, long toMs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var candles = await CandleLoader.LoadAsync(store.Candles, symbol, timeframe, fromMs, toMs, ct).ConfigureAwait(false);
        if (candles.Length == 0)
            throw new BacktestInputException(string.Create(CultureInfo.InvariantCulture,
                $"no {symbol} {timeframe} candles between {Day(fromMs)} and {Day(toMs)}: import them first (trading data import)."));
        return candles;
    }

    private static string Day(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
