namespace Trading.Services.Observability.Alerts;

/// <summary>More than the threshold of exchange errors within one minute warns, once per burst (re-armed when the rate falls back).</summary>
public sealed class ExchangeErrorRule(int threshold)
{
    public const string Name = "exchange_errors";
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Queue<DateTimeOffset> _errors = new();
    private readonly Lock _gate = new();
    private bool _firing;

    public Alert? Record(DateTimeOffset time, string code)
    {
        if (threshold <= 0) return null;
        lock (_gate)
        {
            _errors.Enqueue(time);
            while (_errors.Peek() <= time - Window) _errors.Dequeue();
            if (_errors.Count <= threshold)
            {
                _firing = false;
                return null;
            }
            if (_firing) return null;
            _firing = true;
            return new Alert(AlertSeverity.Warning, Name, $"{_errors.Count} exchange errors in the last minute (over {threshold}; latest code {code})", time);
        }
    }
}
