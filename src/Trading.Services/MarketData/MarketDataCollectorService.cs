using Microsoft.Extensions.Hosting;

namespace Trading.Services.MarketData;

/// <summary>Hosts <see cref="CandleCollector"/> for the process lifetime (`trading run`, the data-collector service).</summary>
public sealed class MarketDataCollectorService(CandleCollector collector) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => collector.RunAsync(stoppingToken);
}
