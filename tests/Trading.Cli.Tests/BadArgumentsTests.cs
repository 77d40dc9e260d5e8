using Shouldly;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests;

public sealed class BadArgumentsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("config", "show", "--no-such-option")]
    [InlineData("no-such-command")]
    [InlineData("config", "frobnicate")]
    [InlineData("--data-dir")]
    public async Task RunAsync_BadArguments_OneErrorLineAndExitTwo(params string[] args)
    {
        using var dir = new TempDirectory();

        var result = await CliProcess.RunAsync(args, null, dir.Path, Ct);

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: ");
        result.Output.ShouldBeEmpty();
    }
}
