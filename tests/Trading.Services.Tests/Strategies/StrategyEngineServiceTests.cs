using Shouldly;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Core.Strategies;
using Trading.Core.Strategies.BuiltIn;
using Trading.Services.Plugins;
using Trading.Services.Strategies;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Strategies;

public sealed class StrategyEngineServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_TemplatePluginWrittenAtRunTime_WarmsUpAndItsSignalIsStoredAndPublished()
    {
        using var folder = new TempDirectory();
        folder.Write("my_strategy.cs", StrategyTemplate.Render("my_strategy"));
        var registry = StrategyCatalog.Load(folder.Path);
        registry.Registrations.ShouldContain(r => r.Name == "my_strategy");
        await using var harness = await EngineHarness.CreateAsync();
        // History ends with one rising candle; with streak=2 a single live rising candle must then signal.
        await harness.Store.Candles.UpsertAsync([EngineHarness.Bar(0, 100, 100), EngineHarness.Bar(1, 100, 99), EngineHarness.Bar(2, 99, 101)], Ct);
        await harness.SaveBotAsync("bot-1", "my_strategy", ("streak", "2"));
        await harness.StartAsync(registry);

        var live = EngineHarness.Bar(3, 101, 103);
        await harness.PublishAsync(live);

        var signal = await harness.NextAsync(harness.Signals);
        signal.Id.ShouldBe($"bot-1:BTCUSDT:1m:{live.OpenTimeMs}:BUY");
        signal.Side.ShouldBe(OrderSide.Buy);
        signal.Price.ShouldBe(103m);
        signal.Reason.ShouldBe("2 rising candles in a row");
        var stored = (await harness.Store.Signals.GetAsync(signal.Id, Ct)).ShouldNotBeNull();
        stored.Indicators["rising_streak"].ShouldBe(2);
        stored.BotId.ShouldBe("bot-1");
    }

    [Fact]
    public async Task Run_OneStrategyThrowsAndOneIsUnknown_BothFaultedAndTheOtherKeepsSignalling()
    {
        var registry = BuiltInStrategies.CreateRegistry();
        registry.TryRegister(() => new ThrowingStrategy(), "test").ShouldBeTrue();
        await using var harness = await EngineHarness.CreateAsync();
        await harness.Store.Candles.UpsertAsync([EngineHarness.Bar(0, 105, 105), EngineHarness.Bar(1, 105, 106)], Ct);
        await harness.SaveBotAsync("bad", "throwing");
        await harness.SaveBotAsync("ghost", "no_such_strategy");
        await harness.SaveBotAsync("good", "grid", ("lower", "90"), ("upper", "110"), ("grid_count", "2"));
        await harness.StartAsync(registry);

        var ghost = await harness.NextAsync(harness.Statuses);
        ghost.BotId.ShouldBe("ghost");
        ghost.Reason.ShouldContain("Unknown strategy 'no_such_strategy'");

        await harness.PublishAsync(EngineHarness.Bar(2, 106, 95)); // grid crosses down 100; throwing strategy throws
        var fault = await harness.NextAsync(harness.Statuses);
        fault.BotId.ShouldBe("bad");
        fault.Status.ShouldBe(BotStatuses.Faulted);
        fault.Reason.ShouldContain("boom below 100");
        (await harness.NextAsync(harness.Signals)).Id.ShouldEndWith(":BUY");

        await harness.PublishAsync(EngineHarness.Bar(3, 95, 85)); // crosses down 90: the good bot keeps running
        var second = await harness.NextAsync(harness.Signals);
        second.Price.ShouldBe(85m);
        second.BotId.ShouldBe("good");
        (await harness.Store.Bots.GetAsync("bad", Ct))!.Status.ShouldBe(BotStatuses.Faulted);
        (await harness.Store.Bots.GetAsync("ghost", Ct))!.Status.ShouldBe(BotStatuses.Faulted);
        (await harness.Store.Bots.GetAsync("good", Ct))!.Status.ShouldBe(BotStatuses.Running);
    }

    [Fact]
    public async Task Run_CandleRedeliveredOrStale_IsIgnored()
    {
        await using var harness = await EngineHarness.CreateAsync();
        await harness.Store.Candles.UpsertAsync([EngineHarness.Bar(0, 105, 105)], Ct);
        await harness.SaveBotAsync("good", "grid", ("lower", "90"), ("upper", "110"), ("grid_count", "2"));
        await harness.StartAsync(BuiltInStrategies.CreateRegistry());

        var cross = EngineHarness.Bar(1, 105, 95);
        await harness.PublishAsync(cross);
        await harness.PublishAsync(cross, id: "redelivered-1"); // same bar again under a new message id
        await harness.PublishAsync(EngineHarness.Bar(0, 105, 85), id: "stale-1"); // older than the last bar: would cross 90
        var next = EngineHarness.Bar(2, 95, 85);
        await harness.PublishAsync(next);

        (await harness.NextAsync(harness.Signals)).Price.ShouldBe(95m);
        (await harness.NextAsync(harness.Signals)).Id.ShouldBe($"good:BTCUSDT:1m:{next.OpenTimeMs}:BUY");
        (await harness.Store.Signals.ListAsync("grid", ct: Ct)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Run_WithScope_RunsOnlyTheScopedBotAmongRunningOnes()
    {
        await using var harness = await EngineHarness.CreateAsync();
        await harness.Store.Candles.UpsertAsync([EngineHarness.Bar(0, 105, 105)], Ct);
        await harness.SaveBotAsync("other-process", "grid", ("lower", "90"), ("upper", "110"), ("grid_count", "2"));
        await harness.SaveBotAsync("mine", "grid", ("lower", "90"), ("upper", "110"), ("grid_count", "2"));
        await harness.StartAsync(BuiltInStrategies.CreateRegistry(), new StrategyEngineScope(new HashSet<string> { "mine" }));

        await harness.PublishAsync(EngineHarness.Bar(1, 105, 95));
        await harness.PublishAsync(EngineHarness.Bar(2, 95, 85));

        (await harness.NextAsync(harness.Signals)).BotId.ShouldBe("mine");
        (await harness.NextAsync(harness.Signals)).BotId.ShouldBe("mine");
        (await harness.Store.Signals.ListAsync("grid", ct: Ct)).ShouldAllBe(s => s.BotId == "mine");
        (await harness.Store.Signals.ListAsync("grid", ct: Ct)).Count.ShouldBe(2);
    }

    /// <summary>Throws on any live close below 100: stands for a buggy plugin.</summary>
    private sealed class ThrowingStrategy : StrategyBase
    {
        public override string Name => "throwing";

        public override IReadOnlyList<StrategyParameter> Parameters => [];

        public override Signal? OnCandle(in Candle candle, StrategyContext context) =>
            candle.Close < 100 ? throw new InvalidOperationException("boom below 100") : null;
    }
}
