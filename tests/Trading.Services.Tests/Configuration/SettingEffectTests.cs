using Shouldly;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Services.Configuration;
using Trading.Services.Execution;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Configuration;

/// <summary>Every accepted setting takes effect (design principle 8): driven from <see cref="SettingDefinitions.All"/>.</summary>
public sealed class SettingEffectTests
{
    public static TheoryData<string> SettingNames => new(SettingDefinitions.All.Select(d => d.Name));

    public static TheoryData<string> RiskGateSettingNames => new(GateScenarios.Keys);

    [Fact]
    public void SettingEffects_EveryDocumentedSetting_HasARow()
    {
        SettingEffects.All.Select(r => r.Name).ShouldBe(SettingDefinitions.All.Select(d => d.Name), ignoreOrder: true);
        var table = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md")).Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();
        foreach (var definition in SettingDefinitions.All)
            table.ShouldContain(l => l.Contains(definition.Name, StringComparison.Ordinal), $"README's variable table lacks {definition.Name}");
    }

    [Theory]
    [MemberData(nameof(SettingNames))]
    public void Load_SettingChangedFromItsDefault_ChangesWhatThePlatformDoes(string name)
    {
        var row = SettingEffects.All.Single(r => r.Name == name);
        var beside = row.Beside ?? [];

        var before = Load(beside);
        var after = Load(new Dictionary<string, string?>(beside) { [name] = row.Value });

        after.Problems.ShouldBeEmpty();
        after.SourceOf(name).ShouldBe(SettingSource.Environment);
        row.Probe(after).ShouldNotBe(row.Probe(before), $"{name}={row.Value} changed nothing");
    }

    [Theory]
    [MemberData(nameof(RiskGateSettingNames))]
    public void RiskGate_RiskSettingChanged_ChangesTheDecision(string name)
    {
        var row = SettingEffects.All.Single(r => r.Name == name);
        var (request, context) = GateScenarios[name]();

        var before = new RiskGate(ExecutorFactory.LimitsFrom(Load([]).Settings)).Evaluate(request, context);
        var after = new RiskGate(ExecutorFactory.LimitsFrom(Load(new() { [name] = row.Value }).Settings)).Evaluate(request, context);

        after.IsAllowed.ShouldNotBe(before.IsAllowed, $"{name}={row.Value}: before {before}, after {after}");
    }

    /// <summary>Per risk setting, an order the default limits and the row's value decide differently.</summary>
    private static readonly Dictionary<string, Func<(OrderRequest, FakeRiskContext)>> GateScenarios = new()
    {
        [SettingKeys.RiskMaxPositionSize] = () => (Buy(20m), new FakeRiskContext()),
        [SettingKeys.RiskDailyLossLimitPct] = () => (Buy(1m), new FakeRiskContext { Equity = 9_000m, AvailableQuote = 9_000m }),
        [SettingKeys.RiskMaxDrawdownPct] = () => (Buy(1m), new FakeRiskContext { Equity = 8_800m, DayStartEquity = 8_800m, AvailableQuote = 8_800m }),
        [SettingKeys.RiskMaxOpenPositions] = () => (Buy(1m), new FakeRiskContext { OpenPositionCount = 3 }),
        [SettingKeys.RiskTradingHours] = () => (Buy(1m), new FakeRiskContext()),
        [SettingKeys.RiskPriceGuardPct] = () => (Buy(1m) with { SignalPrice = 103m }, new FakeRiskContext()),
        [SettingKeys.PaperFeeBps] = () => (Buy(10m), new FakeRiskContext { AvailableQuote = 1_000.5m }),
    };

    private static OrderRequest Buy(decimal quantity) => new(FakeRiskContext.Btc, OrderSide.Buy, quantity, null, 100m);

    private static LoadedConfiguration Load(Dictionary<string, string?> env)
    {
        using var dir = new TempDirectory();
        return ConfigTestKit.Load(dir, env);
    }
}
