using System.Text.Json;
using Shouldly;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Servers;

namespace Trading.Cli.Tests.Commands.Service;

/// <summary>`trading service run` with METRICS_PORT serves /metrics on loopback and logs JSON lines when not on a terminal.</summary>
public sealed class ServiceMetricsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_WithMetricsPort_ServesMetricsAndLogsJsonWithoutHostBoilerplate()
    {
        var port = ExternalProcess.FreeLoopbackPort();
        var env = new Dictionary<string, string?>
        {
            ["TRADING_DATA_DIR"] = Path.Combine(_dir.Path, "data"), ["METRICS_PORT"] = $"{port}", ["LOG_LEVEL"] = "Information",
        };

        await using var service = CliProcess.Start(["service", "run"], env, _dir.Path);
        await TestWait.UntilAsync(() => service.HasExited || service.Error.Contains("Metrics at", StringComparison.Ordinal), TimeSpan.FromSeconds(60), Ct);
        using var http = new HttpClient();
        var metrics = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"), Ct);
        await service.TerminateAsync(Ct);

        metrics.ShouldContain("# TYPE orders_total counter");
        metrics.ShouldContain("fills_total 0");
        var logLines = service.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{')).ToList();
        logLines.ShouldNotBeEmpty();
        foreach (var line in logLines) JsonDocument.Parse(line).RootElement.GetProperty("service").GetString().ShouldNotBeNullOrEmpty();
        service.Error.ShouldNotContain("Hosting environment");
        service.Error.ShouldNotContain("Content root path");
    }

    public void Dispose() => _dir.Dispose();
}
