using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Trading.Services.Observability;

/// <summary>
/// GET /metrics in the Prometheus text format (prometheus-net's default registry, which publishes the "Trading" meter), on
/// 127.0.0.1 only, for an operator who scrapes the platform without the REST API. Port 0 binds an ephemeral port (tests).
/// </summary>
public sealed class MetricsServer(int port, ILogger<MetricsServer>? logger = null) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The bound address, e.g. http://127.0.0.1:9464, once started.</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, port));
        _app = builder.Build();
        _app.MapMetrics();
        await _app.StartAsync(cancellationToken);
        var bound = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(bound.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        logger?.LogInformation("Metrics at {Address}metrics", Address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
