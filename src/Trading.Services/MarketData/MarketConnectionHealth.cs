using Trading.Core.MarketData;

namespace Trading.Services.MarketData;

/// <summary>The collector's connection state, read by the executor through <see cref="IMarketConnectionHealth"/>.</summary>
public sealed class MarketConnectionHealth(TimeProvider? time = null) : IMarketConnectionHealth
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _lock = new();

    public bool IsConnected { get; private set; }

    public string? Reason { get; private set; } = "not connected yet";

    public DateTimeOffset ChangedAt { get; private set; }

    public event EventHandler<bool>? Changed;

    public void SetConnected() => Set(true, null);

    public void SetDisconnected(string reason) => Set(false, reason);

    private void Set(bool connected, string? reason)
    {
        lock (_lock)
        {
            Reason = reason;
            if (IsConnected == connected) return;
            IsConnected = connected;
            ChangedAt = _time.GetUtcNow();
        }
        Changed?.Invoke(this, connected);
    }
}
