using Shouldly;
using Trading.Core.Strategies.BuiltIn;
using Trading.TestInfrastructure;

namespace Trading.Core.Tests.Strategies;

public sealed class StrategyDocsTests
{
    [Fact]
    public void StrategiesDoc_ContainsEveryBuiltInDescriptionVerbatim()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "strategies.md")).ReplaceLineEndings("\n");
        foreach (var registration in BuiltInStrategies.CreateRegistry().Registrations)
        {
            doc.ShouldContain($"## `{registration.Name}`");
            doc.ShouldContain(registration.Description.ReplaceLineEndings("\n").TrimEnd(), customMessage: $"docs/strategies.md is out of date for {registration.Name}");
        }
    }
}
