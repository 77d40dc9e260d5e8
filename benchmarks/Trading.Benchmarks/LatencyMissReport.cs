using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Trading.Core.Storage;
using Trading.Services.Execution;

namespace Trading.Benchmarks;

/// <summary>
/// What happened to a bar that got no filled order in time: whether the collector stored it and the strategy signalled
/// on it, whether the order came late (a stall) or never, and what the store holds for its signal (the signal, the risk
/// decisions, the order with its transitions), plus the warnings and errors the services logged meanwhile.
/// </summary>
internal sealed class LatencyMissReport(ITradingStore store, LatencyPipeline pipeline, LatencyProbes probes, WarningRecorder warnings)
{
    private static readonly TimeSpan LateLimit = TimeSpan.FromSeconds(10);

    private string After(long stamp) => stamp < probes.CandleAtCollector
        ? "never"
        : string.Create(CultureInfo.InvariantCulture, $"{System.Diagnostics.Stopwatch.GetElapsedTime(probes.CandleAtCollector, stamp).TotalMilliseconds:F1} ms");

    public async Task<string> DescribeAsync(int bar, bool orderArrived, int warningsBefore)
    {
        var signalId = pipeline.LastSignalId;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var late = await pipeline.OrderDone.WaitAsync(LateLimit);
        var lateBy = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds + 5;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"  bar {bar}: collector stored open time {pipeline.LastStoredOpenMs}, strategy saw {pipeline.LastSignalOpenMs}; order at simulator: {(orderArrived ? "yes" : "no")}; ") +
            (late ? string.Create(CultureInfo.InvariantCulture, $"final state came late, after {lateBy:F1} s") : "no final state within 15 s") +
            $"; thread pool {ThreadPool.ThreadCount} threads, {ThreadPool.PendingWorkItemCount} queued" +
            $"; request weight used this minute {pipeline.RequestBudget.UsedWeight} of {pipeline.RequestBudget.WeightLimit}" +
            $"; so far {pipeline.NotFilled} orders not filled and {pipeline.Simulator.Requests.All.Count(r => r.Status == 429)} requests answered 429" +
            $"; after the collector: Submitted on the bus {After(pipeline.SubmittedSeen)}, POST at the simulator {After(probes.OrderArrival)}";
        if (signalId is null) return text + "; no signal";
        var signal = await store.Signals.GetAsync(signalId);
        var decisions = await store.RiskDecisions.ListAsync(signalId, null, 10);
        var order = await store.Orders.GetByClientOrderIdAsync(ClientOrderIds.FromSignal(signalId));
        var events = order is null ? [] : await store.Orders.GetEventsAsync(order.Id);
        text += $"\n    signal {signalId} stored: {(signal is null ? "no" : "yes")}; risk decisions: " +
            (decisions.Count == 0 ? "none" : string.Join(", ", decisions.Select(d => d.Allowed ? "allowed" : $"denied ({d.Check}: {d.Reason})"))) +
            $"; order: {(order is null ? "none" : $"{order.Status} [{string.Join(" → ", events.Select(e => e.To))}]")}";
        var logged = warnings.Since(warningsBefore);
        return logged.Count == 0 ? text + "; nothing logged" : text + "\n    logged: " + string.Join("\n    logged: ", logged);
    }
}

/// <summary>Keeps the services' warnings and errors (the last 500) for <see cref="LatencyMissReport"/>.</summary>
internal sealed class WarningRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public IReadOnlyList<string> Since(int count) => _lines.Skip(Math.Max(0, _lines.Count - (Count - count))).Take(20).ToList();

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        _lines.Enqueue(line);
        Interlocked.Increment(ref _count);
        while (_lines.Count > 500) _lines.TryDequeue(out _);
    }

    private sealed class Recorder(WarningRecorder owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || category.EndsWith("OrderExecutorService", StringComparison.Ordinal) && eventId.Id == 0 && formatter(state, exception).StartsWith("Order executor mode", StringComparison.Ordinal)) return;
            owner.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category.Split('.')[^1]}: {formatter(state, exception)}{(exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})")}");
        }
    }
}
