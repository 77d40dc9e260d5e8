using Shouldly;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Strategy;

public sealed class StrategyCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task New_ThenList_TemplateIsListedWithItsFileAndABrokenFileGivesFileLine()
    {
        using var dir = new TempDirectory();
        var created = await CliProcess.RunAsync(["strategy", "new", "--name", "my_strategy"], null, dir.Path, Ct);
        created.ExitCode.ShouldBe(0, created.Error);
        File.Exists(Path.Combine(dir.Path, "strategies", "my_strategy.cs")).ShouldBeTrue();
        dir.Write("strategies/broken.cs", "using Trading.Core.Strategies;\npublic class Broken : StrategyBase\n{\n    int x = ;\n}\n");

        var listed = await CliProcess.RunAsync(["strategy", "list"], null, dir.Path, Ct);

        listed.ExitCode.ShouldBe(0, listed.Error);
        listed.Output.ShouldMatch(@"my_strategy\s+\./strategies/my_strategy\.cs\s+Example momentum strategy");
        listed.Output.ShouldMatch(@"rsi\s+built-in\s+RSI mean reversion");
        listed.Output.ShouldContain("./strategies/broken.cs:4:13: error CS1525");
        listed.Output.ShouldContain("regime_switch");
    }

    [Fact]
    public async Task New_ExistingFileOrBadName_RefusesWithExitTwo()
    {
        using var dir = new TempDirectory();
        var original = dir.Write("custom/mine.cs", "// keep me");

        var exists = await CliProcess.RunAsync(["strategy", "new", "--name", "mine", "--dir", "custom"], null, dir.Path, Ct);
        var badName = await CliProcess.RunAsync(["strategy", "new", "--name", "My-Strategy"], null, dir.Path, Ct);
        var builtIn = await CliProcess.RunAsync(["strategy", "new", "--name", "rsi"], null, dir.Path, Ct);

        exists.ExitCode.ShouldBe(2);
        exists.ErrorLines.ShouldBe(["error: custom/mine.cs already exists; not overwritten"]);
        File.ReadAllText(original).ShouldBe("// keep me");
        badName.ExitCode.ShouldBe(2);
        badName.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: invalid strategy name 'My-Strategy'");
        builtIn.ExitCode.ShouldBe(2);
        builtIn.ErrorLines.ShouldBe(["error: 'rsi' is a built-in strategy name; choose another"]);
    }

    [Fact]
    public async Task Info_Rsi_ShowsRulesParametersAndWarmUp()
    {
        using var dir = new TempDirectory();

        var result = await CliProcess.RunAsync(["strategy", "info", "--name", "rsi"], null, dir.Path, Ct);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("Warm-up:  15 candles");
        result.Output.ShouldContain("mode=cross (default): BUY when p >= oversold and r < oversold");
        result.Output.ShouldMatch(@"period\s+int\s+14\s+\[2, 500\]");
        result.Output.ShouldMatch(@"mode\s+choice\s+cross\s+cross\|level");
    }

    [Fact]
    public async Task Info_UnknownName_ExitTwoWithKnownNames()
    {
        using var dir = new TempDirectory();

        var result = await CliProcess.RunAsync(["strategy", "info", "--name", "nope"], null, dir.Path, Ct);

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: unknown strategy 'nope'; known: rsi, grid,");
    }
}
