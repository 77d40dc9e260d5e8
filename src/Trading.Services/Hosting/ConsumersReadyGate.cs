using Microsoft.Extensions.Hosting;
using Trading.Services.Execution;
using Trading.Services.Portfolio;
using Trading.Services.Strategies;

namespace Trading.Services.Hosting;

/// <summary>
/// Holds host start-up until the strategy engine, order executor and portfolio manager of this process (those
/// registered) are built and subscribed. Register it after them and before the collector, so no candle is published
/// before its consumers listen (hosted services start one after another, in registration order).
/// </summary>
public sealed class ConsumersReadyGate(
    StrategyEngineService? engine = null,
    OrderExecutorService? executor = null,
    PortfolioManagerService? portfolio = null) : IHostedService
{
    /// <summary>Waits for the consumers; a stop request during the wait ends it quietly, as the host is stopping them anyway.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (engine is not null) await engine.Ready.WaitAsync(cancellationToken);
            if (executor is not null) await executor.Ready.WaitAsync(cancellationToken);
            if (portfolio is not null) await portfolio.Ready.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
