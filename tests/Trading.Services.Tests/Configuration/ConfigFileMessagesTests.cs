using Shouldly;
using Trading.TestInfrastructure;
using static Trading.Services.Tests.Configuration.ConfigTestKit;

namespace Trading.Services.Tests.Configuration;

/// <summary>Config file problems speak the file's language: its own keys, no .NET type names, every problem of a file at once.</summary>
public sealed class ConfigFileMessagesTests
{
    [Fact]
    public void Load_UnknownRiskKey_NamedAsWrittenInTheFile()
    {
        using var dir = new TempDirectory();
        dir.Write("config/risk_limits.yaml", "risk:\n  max_position_pct: 3\n");

        Load(dir).Messages().ShouldBe(["config/risk_limits.yaml line 2: 'risk.max_position_pct' is not a known setting"]);
    }

    [Theory]
    [InlineData("symbols:\n  - { symbol: BTCUSDT, timeframes: [1m], foo: 1 }\n", "config/symbols.yaml line 2: unknown key 'foo' (known: symbol, timeframes, enabled, min_trade_size)")]
    [InlineData("symbols: {a: 1}\n", "config/symbols.yaml line 1: expected a list here, found a mapping")]
    public void Load_BadSymbolsYaml_NoTypeNames(string yaml, string expected)
    {
        using var dir = new TempDirectory();
        dir.Write("config/symbols.yaml", yaml);

        var message = Load(dir).Messages().ShouldHaveSingleItem();

        message.ShouldBe(expected);
        message.ShouldNotContain("Trading.");
    }

    [Fact]
    public void Load_BotFileWithSeveralProblems_ReportsEveryOne()
    {
        using var dir = new TempDirectory();
        dir.Write("config/bots/a.json", """{ "id": "bad name", "symbols": ["bad-sym"], "timeframe": "7m", "foo": 1 }""");

        Load(dir).Messages().ShouldBe([
            "config/bots/a.json line 1: unknown key 'foo'",
            "config/bots/a.json: bot name 'bad name' is invalid: use only letters, digits, '.', '_' or '-'",
            "config/bots/a.json: 'strategy' is required",
            "config/bots/a.json: 'bad-sym' is not a valid symbol",
            "config/bots/a.json: '7m' is not a known timeframe",
        ], ignoreOrder: true);
    }
}
