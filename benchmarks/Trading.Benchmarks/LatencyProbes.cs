using System.Diagnostics;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.TestInfrastructure;

namespace Trading.Benchmarks;

/// <summary>
/// The timestamps of the execution-latency suite, each a <see cref="Stopwatch"/> tick: when the simulator starts streaming a
/// bar, when the collector's closed-candle handler hands that bar to the store, and when POST /api/v3/order reaches the
/// simulator. One bar is in flight at a time, so each stamp belongs to the current bar.
/// </summary>
internal sealed class LatencyProbes
{
    private readonly SemaphoreSlim _step = new(0);
    private long _orderArrival;

    public SemaphoreSlim OrderArrived { get; } = new(0);

    public long BarReleased { get; private set; }

    public long CandleAtCollector { get; private set; }

    public long OrderArrival => Volatile.Read(ref _orderArrival);

    /// <summary>Lets the simulator stream the next bar.</summary>
    public void ReleaseBar() => _step.Release();

    /// <summary>For SimulatorOptions.BeforeEachBar.</summary>
    public async Task BeforeEachBarAsync(CancellationToken ct)
    {
        await _step.WaitAsync(ct);
        BarReleased = Stopwatch.GetTimestamp();
    }

    /// <summary>For SimulatorOptions.RequestArrived.</summary>
    public void OnRequest(string method, string path)
    {
        if (method != "POST" || path != "/api/v3/order") return;
        Volatile.Write(ref _orderArrival, Stopwatch.GetTimestamp());
        OrderArrived.Release();
    }

    /// <summary>Wraps the collector's candle store: a single-candle upsert is the closed-candle handler storing a streamed bar.</summary>
    public ICandleStore Wrap(ICandleStore inner, Action<Candle> stored) => new StampingCandleStore(inner, this, stored);

    private sealed class StampingCandleStore(ICandleStore inner, LatencyProbes probes, Action<Candle> stored) : DelegatingCandleStore(inner)
    {
        public override Task<long> UpsertAsync(IEnumerable<Candle> candles, CancellationToken ct = default)
        {
            if (candles is IReadOnlyList<Candle> { Count: 1 } one)
            {
                probes.CandleAtCollector = Stopwatch.GetTimestamp();
                stored(one[0]);
            }
            return Inner.UpsertAsync(candles, ct);
        }
    }
}
