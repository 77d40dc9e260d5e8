using Trading.Api.Contracts;
using Trading.Api.Hosting;
using Trading.Core.Storage;
using Trading.Services.Configuration;
using Trading.Services.Execution;

namespace Trading.Api.Endpoints;

/// <summary>
/// GET /status, read from the store at most once per <see cref="MaxAge"/>: a dashboard polling it, or many, costs the store
/// one read a second. A change made through this API (the kill switch) is seen at once: it calls <see cref="Invalidate"/>.
/// </summary>
public sealed class StatusCache(ITradingStore store, TradingSettings settings, ApiRuntime runtime, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile StatusResponse? _current;

    public async ValueTask<StatusResponse> GetAsync(CancellationToken ct)
    {
        var current = _current;
        if (current is not null && time.GetUtcNow() - current.AsOf < MaxAge) return current;
        await _refresh.WaitAsync(ct);
        try
        {
            current = _current;
            if (current is not null && time.GetUtcNow() - current.AsOf < MaxAge) return current;
            return _current = await ReadAsync(ct);
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Invalidate() => _current = null;

    private async Task<StatusResponse> ReadAsync(CancellationToken ct)
    {
        var killSwitch = new KillSwitch(store.SystemState);
        var state = await killSwitch.LoadAsync(ct);
        var reason = await killSwitch.LoadReasonAsync(ct);
        var now = time.GetUtcNow();
        return new StatusResponse(ExecutionModes.Name(runtime.Options.Mode), settings.DryRun, state.ToString().ToUpperInvariant(), reason,
            runtime.Options.Services, runtime.StartedAt, (long)(now - runtime.StartedAt).TotalSeconds, store.Provider,
            string.IsNullOrWhiteSpace(settings.RedisUrl) ? "in-process" : "redis-streams", now);
    }
}
