using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Trading.Core.MarketData;
using Trading.Core.Storage;

namespace Trading.Services.Hosting;

/// <summary>
/// Records a platform process's lifecycle in the store: starting when the host starts, running once every service has
/// started, degraded while the market connection is down, stopped on a clean stop (SIGINT/SIGTERM), faulted when a service
/// failed; a heartbeat every interval. Register it first, so it starts first and stops last.
/// </summary>
public sealed class ServiceLifecycle(
    string name,
    ITradingStore store,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<ServiceLifecycle> logger,
    IServiceProvider services,
    IMarketConnectionHealth? health = null) : BackgroundService
{
    public static TimeSpan HeartbeatInterval { get; } = TimeSpan.FromSeconds(1);

    private readonly ServiceStateStore _states = new(store.SystemState);
    private ServiceState _state = null!;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        _state = new ServiceState
        {
            Name = name, State = ServiceState.Starting, Host = Environment.MachineName, Pid = Environment.ProcessId, StartedAt = now, Heartbeat = now,
        };
        await _states.SaveAsync(_state, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(HeartbeatInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!lifetime.ApplicationStarted.IsCancellationRequested) continue;
                var (state, reason) = health is { IsConnected: false } ? (ServiceState.Degraded, "market data connection down") : (ServiceState.Running, null);
                if (state != _state.State) logger.LogInformation("Service {Name}: {State}", name, state);
                _state = _state with { State = state, Reason = reason, Heartbeat = time.GetUtcNow() };
                await _states.SaveAsync(_state, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // A service that threw stops the host: this process then ends faulted, with that service's error.
        var fault = services.GetServices<IHostedService>().OfType<BackgroundService>()
            .Select(s => s.ExecuteTask?.Exception?.GetBaseException()).FirstOrDefault(e => e is not null);
        _state = _state with
        {
            State = fault is null ? ServiceState.Stopped : ServiceState.Faulted,
            Reason = fault is null ? "stopped (SIGINT/SIGTERM)" : fault.Message,
            Heartbeat = time.GetUtcNow(),
        };
        await _states.SaveAsync(_state, CancellationToken.None);
    }
}
