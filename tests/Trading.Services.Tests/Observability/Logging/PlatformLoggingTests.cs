using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shouldly;
using Trading.Core.Model;
using Trading.Services.Configuration;
using Trading.Services.Execution;
using Trading.Services.Observability.Logging;
using Trading.Services.Tests.Execution;

namespace Trading.Services.Tests.Observability.Logging;

public sealed class PlatformLoggingTests
{
    private const string Secret = "Sup3rSecretValue-0123456789abcdef";

    [Fact]
    public void Log_JsonFormat_WritesOneJsonObjectPerLineWithServiceAndLevel()
    {
        var output = new StringWriter();
        using var provider = Services(new TradingSettings { LogFormat = LogFormat.Json }, output);

        provider.GetRequiredService<ILogger<OrderExecutorService>>().LogWarning("Order {OrderId} failed", "o-1");

        var line = JsonDocument.Parse(output.ToString().Trim()).RootElement;
        line.GetProperty("@m").GetString().ShouldBe("Order \"o-1\" failed");
        line.GetProperty("@l").GetString().ShouldBe("Warning");
        line.GetProperty("OrderId").GetString().ShouldBe("o-1");
        line.GetProperty("service").GetString().ShouldBe("order-executor");
        line.TryGetProperty("@t", out _).ShouldBeTrue();
    }

    [Fact]
    public void Log_AutoFormatOnATerminal_WritesReadableText()
    {
        var output = new StringWriter();
        using var provider = Services(new TradingSettings(), output, isTerminal: true);

        provider.GetRequiredService<ILogger<OrderExecutorService>>().LogInformation("Order {OrderId} filled", "o-2");

        output.ToString().ShouldMatch(@"^\d\d:\d\d:\d\d INF \[order-executor\] Order o-2 filled\r?\n$");
    }

    [Fact]
    public void Log_PropertyHoldingASecret_IsMaskedInEveryFormat()
    {
        foreach (var format in new[] { LogFormat.Json, LogFormat.Text })
        {
            var output = new StringWriter();
            using var provider = Services(new TradingSettings { LogFormat = format, Alerts = new AlertSettings { TelegramToken = Secret } }, output);

            provider.GetRequiredService<ILogger<PlatformLoggingTests>>().LogError("Request to {Url} failed", $"https://api.example/bot{Secret}/sendMessage");

            output.ToString().ShouldNotContain(Secret);
            output.ToString().ShouldContain("https://api.example/bot***/sendMessage");
        }
    }

    [Fact]
    public void Log_ExceptionMessageHoldingASecret_IsMasked()
    {
        var output = new StringWriter();
        using var provider = Services(new TradingSettings { LogFormat = LogFormat.Json, BinanceApiKey = Secret, BinanceApiSecret = "other-secret-value" }, output);

        provider.GetRequiredService<ILogger<PlatformLoggingTests>>().LogError(new InvalidOperationException($"key {Secret} refused"), "Request failed");

        output.ToString().ShouldNotContain(Secret);
        output.ToString().ShouldContain("key *** refused");
    }

    [Fact]
    public void Log_NameWithControlCharacters_IsEscapedOnOneLine()
    {
        var output = new StringWriter();
        using var provider = Services(new TradingSettings { LogFormat = LogFormat.Text }, output);

        provider.GetRequiredService<ILogger<PlatformLoggingTests>>().LogInformation("Bot {Bot} started", "evil\nFAKE LINE\u001b[31m");

        var text = output.ToString();
        text.TrimEnd('\n').ShouldNotContain("\n");
        text.ShouldNotContain("\u001b");
        text.ShouldContain(@"evil\nFAKE LINE\u001b[31m");
    }

    [Fact]
    public async Task Host_StartAndStop_WritesNoHostBoilerplate()
    {
        var output = new StringWriter();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddTradingPlatform(new TradingSettings { LogLevel = "Trace" });
        builder.Services.AddTradingLogging(new TradingSettings { LogLevel = "Trace", LogFormat = LogFormat.Text }, output, isTerminal: true);
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        output.ToString().ShouldNotContain("Hosting environment");
        output.ToString().ShouldNotContain("Content root path");
        output.ToString().ShouldNotContain("Application started");
    }

    [Fact]
    public async Task Executor_SignalToOrderToFill_CarriesTheSignalIdAsCorrelationId()
    {
        var output = new StringWriter();
        using var provider = Services(new TradingSettings { LogFormat = LogFormat.Json }, output);
        await using var h = await ExecutionHarness.CreateAsync();
        await h.Store.Candles.UpsertAsync([ExecutionHarness.Bar(0, 50_000m)], h.Token);
        var executor = await ExecutorFactory.CreateAsync(h.Store, h.Bus, new ExecutionOptions { Mode = ExecutionMode.Paper },
            ExecutorFactory.LimitsFrom(h.Settings), SymbolDirectory.Offline(h.Settings), h.Clock,
            provider.GetRequiredService<ILogger<OrderExecutorService>>(), h.Health, null, h.Token);

        await executor.ExecuteAsync(ExecutionRequest.FromSignal(ExecutionHarness.BuySignal("sig-corr-1", 50_000m) with { BotId = "btc-bot" }), h.Token);
        await executor.OnCandleAsync(ExecutionHarness.Bar(1, 50_000m), h.Token);
        await h.NextOrderAsync(OrderStatus.Filled);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var allowed = lines.Single(l => l.GetProperty("@m").GetString()!.StartsWith("Risk gate allowed", StringComparison.Ordinal));
        var fill = lines.Single(l => l.GetProperty("@m").GetString()!.StartsWith("Fill ", StringComparison.Ordinal));
        foreach (var line in new[] { allowed, fill })
        {
            line.GetProperty(LogScopes.CorrelationId).GetString().ShouldBe("sig-corr-1");
            line.GetProperty("bot").GetString().ShouldBe("btc-bot");
            line.GetProperty("symbol").GetString().ShouldBe("BTCUSDT");
        }
    }

    private static ServiceProvider Services(TradingSettings settings, StringWriter output, bool isTerminal = false) =>
        new ServiceCollection().AddTradingLogging(settings, output, isTerminal).BuildServiceProvider();
}
