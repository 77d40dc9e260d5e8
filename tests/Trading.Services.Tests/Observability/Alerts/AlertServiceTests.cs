using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Core.Storage;
using Trading.Messaging;
using Trading.Services.Configuration;
using Trading.Services.Execution;
using Trading.Services.Observability;
using Trading.Services.Observability.Alerts;
using Trading.Storage;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Servers;

namespace Trading.Services.Tests.Observability.Alerts;

/// <summary>The alert service on a real SQLite store and the in-process bus, delivering to a local webhook receiver.</summary>
public sealed class AlertServiceTests : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InProcessMessageBus _bus = new();
    private readonly RecordingHttpServer _webhook = new();
    private readonly HttpClient _http = new();
    private ITradingStore? _store;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CheckOnce_DrawdownOverTenPercent_SendsCriticalAndEngagesTheKillSwitch()
    {
        var service = await CreateAsync();
        await _store!.Portfolio.SaveSnapshotAsync(new PortfolioSnapshot { Time = _clock.GetUtcNow(), Equity = 8_900m, Drawdown = 0.11m }, Token);

        await service.CheckOnceAsync(Token);

        var alert = JsonDocument.Parse((await _webhook.Requests.ReadAsync(Token)).Body).RootElement;
        alert.GetProperty("severity").GetString().ShouldBe("critical");
        alert.GetProperty("rule").GetString().ShouldBe(PortfolioAlertRules.DrawdownCritical);
        var killSwitch = new KillSwitch(_store.SystemState);
        (await killSwitch.LoadAsync(Token)).ShouldBe(TradingState.Halted);
        (await killSwitch.LoadReasonAsync(Token)).ShouldStartWith("alert: drawdown 11 %");
    }

    [Fact]
    public async Task CheckOnce_KillSwitchEngagedElsewhere_SendsCritical()
    {
        var service = await CreateAsync();
        await service.CheckOnceAsync(Token);

        await new KillSwitch(_store!.SystemState).SetAsync(TradingState.Halted, "trade stop-all", Token);
        await service.CheckOnceAsync(Token);

        var alert = JsonDocument.Parse((await _webhook.Requests.ReadAsync(Token)).Body).RootElement;
        alert.GetProperty("rule").GetString().ShouldBe("kill_switch");
        alert.GetProperty("severity").GetString().ShouldBe("critical");
        alert.GetProperty("message").GetString().ShouldBe("kill switch engaged: trade stop-all");
    }

    [Fact]
    public async Task Run_BotFaultedOnTheBus_SendsCritical()
    {
        var service = await CreateAsync();
        await _bus.PublishAsync(StreamNames.BotStatus, MessageEnvelope.Create(BotStatusMessage.Type,
            new BotStatusMessage("btc-sma", BotStatuses.Faulted, "strategy threw"), _clock.GetUtcNow()), Token);

        await service.StartAsync(Token);
        var alert = JsonDocument.Parse((await _webhook.Requests.ReadAsync(Token)).Body).RootElement;
        await service.StopAsync(Token);

        alert.GetProperty("rule").GetString().ShouldBe("bot_failed");
        alert.GetProperty("severity").GetString().ShouldBe("critical");
        alert.GetProperty("message").GetString().ShouldBe("bot btc-sma faulted: strategy threw");
    }

    public async ValueTask DisposeAsync()
    {
        await _bus.DisposeAsync();
        if (_store is not null) await _store.DisposeAsync();
        await _webhook.DisposeAsync();
        _http.Dispose();
        _dir.Dispose();
    }

    private async Task<AlertService> CreateAsync()
    {
        _store = await TradingStoreFactory.OpenAsync(null, _dir.Path, Token);
        var settings = new TradingSettings { Alerts = new AlertSettings { WebhookUrl = _webhook.BaseUrl.ToString() } };
        var dispatcher = new AlertDispatcher([new WebhookAlertChannel(_http, _webhook.BaseUrl)], 10, _clock, NullLogger.Instance);
        return new AlertService(settings, dispatcher, _store, _bus, _clock, new ObservabilityOptions(), NullLogger<AlertService>.Instance);
    }
}
