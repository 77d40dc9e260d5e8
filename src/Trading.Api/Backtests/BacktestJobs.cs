using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Trading.Core.Storage;
using Trading.Core.Strategies;
using Trading.Services.Backtesting;

namespace Trading.Api.Backtests;

/// <summary>
/// POST /backtests runs here: prepared in the request (so bad input is a 400 at once), then run on the thread pool and
/// stored like `trading backtest run`. A run in progress or failed is known only to this process; a completed one is in
/// the store. Runs are cancelled when the host stops.
/// </summary>
public sealed class BacktestJobs(ITradingStore store, StrategyRegistry registry, IHostApplicationLifetime lifetime, ILogger<BacktestJobs> logger)
{
    public const string Running = "running";
    public const string Failed = "failed";
    public const string Completed = "completed";

    private readonly ConcurrentDictionary<string, BacktestJob> _jobs = new(StringComparer.Ordinal);

    /// <summary>Validates and loads the request's candles (throws <see cref="BacktestInputException"/>), then starts the run.</summary>
    public async Task<BacktestJob> StartAsync(BacktestRequest request, CancellationToken ct)
    {
        var service = new BacktestService(store, registry);
        var prepared = await service.PrepareAsync(request, ct);
        var job = new BacktestJob(BacktestService.NewRunId("bt"), request);
        _jobs[job.Id] = job;
        job.Task = Task.Run(() => RunAsync(service, prepared, job), CancellationToken.None);
        return job;
    }

    public BacktestJob? Find(string id) => _jobs.GetValueOrDefault(id);

    public IEnumerable<BacktestJob> Unfinished => _jobs.Values.Where(j => j.Status != Completed);

    private async Task RunAsync(BacktestService service, PreparedBacktest prepared, BacktestJob job)
    {
        try
        {
            var report = BacktestService.Run(prepared, job.Id, ct: lifetime.ApplicationStopping);
            await service.SaveAsync(prepared, report, lifetime.ApplicationStopping);
            job.Status = Completed;
        }
        catch (Exception e)
        {
            job.Error = e is OperationCanceledException ? "cancelled: the API stopped" : e.Message;
            job.Status = Failed;
            logger.LogError("Backtest {Id} failed: {Error}", job.Id, job.Error);
        }
    }
}

/// <summary>One backtest started through the API.</summary>
public sealed class BacktestJob(string id, BacktestRequest request)
{
    public string Id { get; } = id;

    public BacktestRequest Request { get; } = request;

    public volatile string Status = BacktestJobs.Running;

    public string? Error { get; set; }

    public Task Task { get; set; } = Task.CompletedTask;
}
