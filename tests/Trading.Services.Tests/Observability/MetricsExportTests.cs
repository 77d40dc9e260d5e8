using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Messaging;
using Trading.Services.Observability;
using Trading.Storage;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Servers;

namespace Trading.Services.Tests.Observability;

/// <summary>The loopback /metrics endpoint, scraped by a real Prometheus and linted by promtool.</summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsExportTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MetricsServer_ScrapedByPrometheus_QueryReadsTheCountBack()
    {
        await using var server = new MetricsServer(port: 0);
        await server.StartAsync(Token);
        var strategy = $"prom_{Guid.NewGuid():N}"[..16];
        TradingMetrics.Signals.Add(3, TradingMetrics.Tag("strategy", strategy));
        await using var prometheus = await PrometheusServer.StartAsync(server.Address!.Authority, Token);

        double? value = null;
        await TestWait.UntilAsync(async () => (value = await prometheus.QueryAsync($"signals_total{{strategy=\"{strategy}\"}}", Token)) is not null,
            TimeSpan.FromSeconds(60), Token);

        value.ShouldBe(3);
        (await prometheus.QueryAsync("up{job=\"trading\"}", Token)).ShouldBe(1);
        await server.StopAsync(Token);
    }

    [Fact]
    public async Task MetricsServer_Output_PassesPromtoolAndNamesEveryInstrument()
    {
        await using var server = new MetricsServer(port: 0);
        await server.StartAsync(Token);
        TradingMetrics.SetPortfolio(new PortfolioSnapshot { Time = DateTimeOffset.UtcNow, Equity = 10_000m, DailyPnl = -25m, Drawdown = 0.03m });
        TradingMetrics.Orders.Add(1, TradingMetrics.Tag("status", "filled"));
        TradingMetrics.Fills.Add(1);
        TradingMetrics.Signals.Add(1, TradingMetrics.Tag("strategy", "export"));
        TradingMetrics.RiskDenials.Add(1, TradingMetrics.Tag("check", "MaxDrawdown"));
        TradingMetrics.ExchangeRequestDuration.Record(0.02);
        TradingMetrics.ExchangeErrors.Add(1, TradingMetrics.Tag("code", "-1003"));
        TradingMetrics.WsReconnects.Add(1);
        TradingMetrics.BotRestarts.Add(1);
        await using var bus = new MeteredMessageBus(new InProcessMessageBus());
        await bus.PublishAsync("metrics-export", MessageEnvelope.Create("x", 1, DateTimeOffset.UtcNow), Token);
        _ = bus.SubscribeAsync("metrics-export", "g", (_, _) => ValueTask.CompletedTask, Token);

        using var http = new HttpClient();
        var text = await http.GetStringAsync(new Uri(server.Address!, "/metrics"), Token);

        foreach (var name in new[] { "portfolio_value", "daily_pnl", "drawdown_ratio", "orders_total", "fills_total", "signals_total",
                     "risk_denials_total", "exchange_request_duration_seconds_bucket", "exchange_errors_total", "bus_pending_messages",
                     "ws_reconnects_total", "bot_restarts_total" })
            text.ShouldContain($"\n{name}", customMessage: $"/metrics lacks {name}");
        text.ShouldContain("portfolio_value 10000");
        var (exit, problems) = await PromtoolAsync(text);
        problems.ShouldBeEmpty();
        exit.ShouldBe(0);
    }

    private static async Task<(int Exit, string Output)> PromtoolAsync(string metrics)
    {
        var binary = ExternalProcess.Find("promtool", ["/usr/bin"]) ?? throw new InvalidOperationException(PrometheusServer.InstallHint);
        var info = new ProcessStartInfo(binary, ["check", "metrics"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(metrics);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync(Token) + await process.StandardError.ReadToEndAsync(Token);
        await process.WaitForExitAsync(Token);
        return (process.ExitCode, output.Trim());
    }
}
