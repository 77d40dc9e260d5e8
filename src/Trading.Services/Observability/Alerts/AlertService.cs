using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Trading.Core.Messaging;
using Trading.Core.Risk;
using Trading.Core.Storage;
using Trading.Services.Configuration;
using Trading.Services.Execution;

namespace Trading.Services.Observability.Alerts;

/// <summary>
/// Applies the alerts: rules in <c>service run</c>: reads the stored portfolio and trading state every poll (so a kill switch
/// engaged by any process is seen), listens to bot statuses on the bus and to the exchange-error counter. A critical drawdown
/// engages the kill switch in the store, which every executor obeys.
/// </summary>
public sealed class AlertService(
    TradingSettings settings,
    AlertDispatcher dispatcher,
    ITradingStore store,
    IMessageBus bus,
    TimeProvider time,
    ObservabilityOptions options,
    ILogger<AlertService> logger) : BackgroundService
{
    public const string ConsumerGroup = "alerts";

    private readonly PortfolioAlertRules _portfolio = new(settings.Alerts);
    private readonly ExchangeErrorRule _exchangeErrors = new(settings.Alerts.ExchangeErrorsPerMinute);
    private readonly KillSwitch _killSwitch = new(store.SystemState);
    private TradingState? _lastState;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var listener = ListenToExchangeErrors(stoppingToken);
        logger.LogInformation("Alerts to {Channels}", string.Join(", ", dispatcher.ChannelNames));
        await Task.WhenAll(
            bus.SubscribeAsync(StreamNames.BotStatus, ConsumerGroup, (m, ct) => OnBotStatusAsync(m.Deserialize<BotStatusMessage>(), ct), stoppingToken),
            PollAsync(stoppingToken));
    }

    /// <summary>One round of the store-read rules: portfolio thresholds and the trading state. Public for tests.</summary>
    public async Task CheckOnceAsync(CancellationToken ct)
    {
        if (await MetricsObserverService.LatestSnapshotAsync(store.Portfolio, time, ct) is { } snapshot)
            foreach (var alert in _portfolio.Evaluate(snapshot))
            {
                if (alert.Rule == PortfolioAlertRules.DrawdownCritical && await _killSwitch.LoadAsync(ct) != TradingState.Halted)
                    await _killSwitch.SetAsync(TradingState.Halted, $"alert: {alert.Message}", ct);
                await dispatcher.SendAsync(alert, ct);
            }
        var state = await _killSwitch.LoadAsync(ct);
        if (state == TradingState.Halted && _lastState is not null && _lastState != TradingState.Halted)
            await dispatcher.SendAsync(new Alert(AlertSeverity.Critical, "kill_switch",
                $"kill switch engaged: {await _killSwitch.LoadReasonAsync(ct)}", time.GetUtcNow()), ct);
        _lastState = state;
        await dispatcher.FlushAsync(ct);
    }

    private async ValueTask OnBotStatusAsync(BotStatusMessage status, CancellationToken ct)
    {
        if (BotRestartTracker.IsFailure(status.Status))
            await dispatcher.SendAsync(new Alert(AlertSeverity.Critical, "bot_failed", $"bot {status.BotId} {status.Status}: {status.Reason}", time.GetUtcNow()), ct);
    }

    private async Task PollAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(options.PollInterval, time);
        do
        {
            try
            {
                await CheckOnceAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Alert rules not checked: {Error}", e.Message);
            }
        }
        while (await NextTickAsync(timer, ct));
    }

    private MeterListener ListenToExchangeErrors(CancellationToken ct)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument, TradingMetrics.ExchangeErrors)) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var code = tags.ToArray().FirstOrDefault(t => t.Key == "code").Value as string ?? "?";
            if (_exchangeErrors.Record(time.GetUtcNow(), code) is { } alert) _ = SendQuietlyAsync(alert, ct);
        });
        listener.Start();
        return listener;
    }

    private async Task SendQuietlyAsync(Alert alert, CancellationToken ct)
    {
        try
        {
            await dispatcher.SendAsync(alert, ct);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
