using System.Text.Json;
using Trading.Api.Contracts;
using Trading.Api.Hosting;
using Trading.Core.Storage;
using Trading.Services.Configuration;
using Trading.Services.Execution;

namespace Trading.Api.Endpoints;

/// <summary>
/// GET /status, read from the store at most once per <see cref="MaxAge"/> and kept as its JSON in UTF-8: a dashboard polling
/// it, or many, costs the store one read a second and each answer only a copy of those bytes. A change made through this
/// API (the kill switch) is seen at once: it calls <see cref="Invalidate"/>.
/// </summary>
public sealed class StatusCache(ITradingStore store, TradingSettings settings, ApiRuntime runtime, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile StatusSnapshot? _current;

    /// <summary>The snapshot if it is younger than <see cref="MaxAge"/>, else null (then <see cref="GetAsync"/> reads the store).</summary>
    public StatusSnapshot? Fresh
    {
        get
        {
            var current = _current;
            return current is not null && time.GetUtcNow() - current.Status.AsOf < MaxAge ? current : null;
        }
    }

    public async ValueTask<StatusSnapshot> GetAsync(CancellationToken ct)
    {
        if (Fresh is { } fresh) return fresh;
        await _refresh.WaitAsync(ct);
        try
        {
            return Fresh ?? (_current = await ReadAsync(ct));
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Invalidate() => _current = null;

    private async Task<StatusSnapshot> ReadAsync(CancellationToken ct)
    {
        var killSwitch = new KillSwitch(store.SystemState);
        var state = await killSwitch.LoadAsync(ct);
        var reason = await killSwitch.LoadReasonAsync(ct);
        var now = time.GetUtcNow();
        var status = new StatusResponse(ExecutionModes.Name(runtime.Options.Mode), settings.DryRun, state.ToString().ToUpperInvariant(), reason,
            runtime.Options.Services, runtime.StartedAt, (long)(now - runtime.StartedAt).TotalSeconds, store.Provider,
            string.IsNullOrWhiteSpace(settings.RedisUrl) ? "in-process" : "redis-streams", now);
        return new StatusSnapshot(status, JsonSerializer.SerializeToUtf8Bytes(status, ApiJson.Options));
    }
}

/// <summary>One reading of GET /status and its JSON answer, serialized once with the API's JSON options.</summary>
public sealed record StatusSnapshot(StatusResponse Status, byte[] Utf8Json);
