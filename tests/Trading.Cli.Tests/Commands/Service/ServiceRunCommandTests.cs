using Shouldly;
using Trading.Binance.Simulator;
using Trading.Core.Storage;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Service;

/// <summary>`trading service run` runs the strategies of config/strategies.yaml and the enabled bots of config/bots/*.json.</summary>
public sealed class ServiceRunCommandTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();
    private BinanceSimulator _simulator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DataDir => Path.Combine(_dir.Path, "data");

    public async ValueTask InitializeAsync()
    {
        var candles = TestCandles.Generate(2000);
        _simulator = new BinanceSimulator(new SimulatedMarket().Add(candles, candles[0].OpenTimeMs), new SimulatorOptions { Speed = 1200 });
        await _simulator.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _dir.Dispose();
    }

    private Dictionary<string, string?> Environment => new(RunningCliWait.SimulatorEnvironment(_simulator, configDir: null, logLevel: "Information"))
    {
        ["TRADING_DATA_DIR"] = DataDir,
        ["TRADING_API_PORT"] = "0", // the API `service run` hosts takes a free port, so parallel runs never collide
    };

    [Fact]
    public async Task Run_StrategiesYamlAndBotFiles_RunsEachEnabledOneAndNoOther()
    {
        _dir.Write("config/strategies.yaml", """
            strategies:
              - { name: rsi, symbols: [BTCUSDT], timeframe: 1m, parameters: { period: 2, quantity: 0.001 } }
              - { name: rsi, enabled: false, symbols: [BTCUSDT], timeframe: 1m, parameters: { period: 3 } }
            """);
        _dir.Write("config/bots/btc-sma.json", """{ "strategy": "sma_crossover", "symbols": ["BTCUSDT"], "parameters": { "fast": 2, "slow": 3 } }""");
        _dir.Write("config/bots/off.json", """{ "strategy": "rsi", "symbols": ["BTCUSDT"], "enabled": false }""");

        await using var service = CliProcess.Start(["service", "run"], Environment, _dir.Path);
        await RunningCliWait.WhileRunningAsync(() => Task.FromResult(service.Error.Contains("Ctrl+C stops", StringComparison.Ordinal)), Timeout, Ct, service);
        await using var store = await TradingStoreFactory.ConnectAsync(null, DataDir, Ct);
        await RunningCliWait.WhileRunningAsync(async () =>
        {
            var bots = (await store.Signals.ListAsync(null, 200, Ct)).Select(s => s.BotId).Distinct().ToList();
            return bots.Contains("rsi-btcusdt-1m") && bots.Contains("btc-sma");
        }, Timeout, Ct, service);
        await service.TerminateAsync(Ct);
        var exited = await service.WaitForExitAsync(Timeout, Ct);

        exited.ExitCode.ShouldBe(0, exited.Error);
        exited.Error.ShouldContain("Strategy engine running 2 strategy instance(s)");
        var stored = await store.Bots.ListAsync(Ct);
        stored.Select(b => b.Id).ShouldBe(["btc-sma", "rsi-btcusdt-1m"], ignoreOrder: true);
        stored.ShouldAllBe(b => b.Status == BotStatuses.Stopped);
    }

    [Theory]
    [InlineData("mode:")]
    [InlineData("Order executor mode")]
    public async Task Run_StopRequestedWhileStarting_StopsWithoutAnErrorOrATrace(string startupLine)
    {
        _dir.Write("config/strategies.yaml", "strategies:\n  - { name: rsi, symbols: [BTCUSDT], timeframe: 1m }\n");

        await using var service = CliProcess.Start(["service", "run"], Environment, _dir.Path);
        await RunningCliWait.WhileRunningAsync(() => Task.FromResult(service.Error.Contains(startupLine, StringComparison.Ordinal)), Timeout, Ct, service);
        await service.TerminateAsync(Ct);
        var exited = await service.WaitForExitAsync(Timeout, Ct);

        // 143 is the command line's answer when the stop came before the command could finish on its own; both are clean stops.
        exited.ExitCode.ShouldBeOneOf([0, 143], exited.Error);
        exited.Error.ShouldNotContain("   at ", customMessage: exited.Error);
        exited.Error.ShouldNotContain("Unhandled");
        exited.Error.ShouldNotContain("Hosting failed to start");
    }

    [Fact]
    public async Task Run_UnknownStrategyInStrategiesYaml_RefusedWithOneLineExitTwo()
    {
        _dir.Write("config/strategies.yaml", "strategies:\n  - { name: nosuch, symbols: [BTCUSDT] }\n");

        var result = await CliProcess.RunAsync(["service", "run"], Environment, _dir.Path, Ct);

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: config/strategies.yaml: strategy 'nosuch': unknown strategy 'nosuch'");
    }
}
