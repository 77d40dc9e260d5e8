using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Trading.Services.Observability.Alerts;

/// <summary>
/// Delivers alerts to every channel, each with retries (exponential backoff); a channel that still fails is logged and the others
/// are unaffected. At most <c>maxPerMinute</c> alerts go out per minute; the rest are counted and summarized in one alert when
/// the minute is over (<see cref="FlushAsync"/>).
/// </summary>
public sealed class AlertDispatcher
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly IReadOnlyList<IAlertChannel> _channels;
    private readonly int _maxPerMinute;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _retry;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, int> _suppressed = new(StringComparer.Ordinal);
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _sentInWindow;

    public AlertDispatcher(IReadOnlyList<IAlertChannel> channels, int maxPerMinute, TimeProvider time, ILogger logger, AlertRetry? retry = null)
    {
        _channels = channels;
        _maxPerMinute = maxPerMinute;
        _time = time;
        _logger = logger;
        var policy = retry ?? new AlertRetry();
        _retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = policy.Attempts,
                Delay = policy.FirstDelay,
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            })
            .Build();
    }

    public IReadOnlyList<string> ChannelNames => _channels.Select(c => c.Name).ToArray();

    public async Task SendAsync(Alert alert, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        await _gate.WaitAsync(ct);
        try
        {
            await FlushLockedAsync(ct);
            if (_sentInWindow >= _maxPerMinute)
            {
                _suppressed[alert.Rule] = _suppressed.GetValueOrDefault(alert.Rule) + 1;
                return;
            }
            if (_sentInWindow == 0) _windowStart = _time.GetUtcNow();
            _sentInWindow++;
            await DeliverAsync(alert, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Once the minute is over: sends the summary of what was held back, and opens a new window.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await FlushLockedAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task FlushLockedAsync(CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        if (now - _windowStart < Window) return;
        _sentInWindow = 0;
        if (_suppressed.Count == 0) return;
        var total = _suppressed.Values.Sum();
        var detail = string.Join(", ", _suppressed.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} x{p.Value}"));
        _suppressed.Clear();
        _windowStart = now;
        _sentInWindow = 1;
        await DeliverAsync(new Alert(AlertSeverity.Warning, "summary", $"{total} more alert(s) held back in the last minute: {detail}", now), ct);
    }

    private async Task DeliverAsync(Alert alert, CancellationToken ct)
    {
        foreach (var channel in _channels)
        {
            try
            {
                await _retry.ExecuteAsync(async token => await channel.SendAsync(alert, token), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogError("Alert {Rule} not delivered by {Channel}: {Error}", alert.Rule, channel.Name, e.Message);
            }
        }
    }
}

/// <summary>How a failed delivery is retried: this many more attempts, the first after <see cref="FirstDelay"/>, doubling.</summary>
public sealed record AlertRetry
{
    public int Attempts { get; init; } = 3;
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(1);
}
