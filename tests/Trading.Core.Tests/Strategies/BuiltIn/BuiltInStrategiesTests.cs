using Shouldly;
using Trading.Core.Model;
using Trading.Core.Strategies;
using Trading.Core.Strategies.BuiltIn;

namespace Trading.Core.Tests.Strategies.BuiltIn;

public sealed class BuiltInStrategiesTests
{
    public static TheoryData<string> Names() => [.. BuiltInStrategies.CreateRegistry().Registrations.Select(r => r.Name)];

    /// <summary>A seeded random walk with wicks, long enough for every warm-up and many signals.</summary>
    private static Candle[] Walk(int count)
    {
        var random = new Random(42);
        var closes = new decimal[count];
        var wicks = new decimal[count];
        var price = 20000.0;
        for (var i = 0; i < count; i++)
        {
            price *= 1 + ((random.NextDouble() - 0.5) * 0.01);
            closes[i] = Math.Round((decimal)price, 2);
            wicks[i] = Math.Round((decimal)(random.NextDouble() * price * 0.002), 2);
        }
        return CandleFactory.WithWicks(closes, wicks);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void OnCandle_PrefixOfHistory_GivesTheSameSignalsAsTheFullRun(string name)
    {
        // Lookahead-free: what a strategy says at candle k cannot depend on candles after k.
        var registry = BuiltInStrategies.CreateRegistry();
        var parameters = name == "grid" ? StrategyHarness.Params(("lower", "19000"), ("upper", "21000"), ("grid_count", "20")) : null;
        var candles = Walk(3000);
        var full = StrategyHarness.Run(registry.Create(name, parameters), candles);
        full.ShouldNotBeEmpty();
        foreach (var cut in new[] { 500, 1500, 2999 })
        {
            var prefix = StrategyHarness.Run(registry.Create(name, parameters), candles[..cut]);
            prefix.Select(s => (s.Index, s.Signal.Id, s.Signal.Quantity, s.Signal.Reason))
                .ShouldBe(full.Where(s => s.Index < cut).Select(s => (s.Index, s.Signal.Id, s.Signal.Quantity, s.Signal.Reason)));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Registry_EveryBuiltIn_IsDocumentedAndValidatesItsDefaults(string name)
    {
        var registration = BuiltInStrategies.CreateRegistry().Find(name).ShouldNotBeNull();
        registration.IsBuiltIn.ShouldBeTrue();
        var strategy = registration.Factory();
        strategy.Description.Split('\n').Length.ShouldBeGreaterThan(3);
        strategy.Parameters.ShouldAllBe(p => p.Description.Length > 0);
        strategy.Parameters.ShouldAllBe(p => p.Normalize(name, p.Default) == p.Default);
        strategy.WarmUpPeriod.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void TryRegister_DuplicateName_RecordsTheClash()
    {
        var registry = BuiltInStrategies.CreateRegistry();
        registry.TryRegister(() => new RsiStrategy(), "/tmp/x.cs").ShouldBeFalse();
        registry.Problems.ShouldBe(["/tmp/x.cs: strategy name 'rsi' clashes with the one from built-in; skipped."]);
        registry.Find("rsi")!.IsBuiltIn.ShouldBeTrue();
    }

    [Fact]
    public void Create_UnknownStrategy_ListsKnownOnes()
    {
        Should.Throw<StrategyConfigurationException>(() => BuiltInStrategies.CreateRegistry().Create("nope"))
            .Message.ShouldBe("Unknown strategy 'nope'; known: rsi, grid, sma_crossover, mean_reversion, supertrend, squeeze, regime_switch.");
    }
}
