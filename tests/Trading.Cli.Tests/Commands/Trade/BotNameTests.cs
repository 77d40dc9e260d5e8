using Shouldly;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Trade;

/// <summary>Bot names that would garble logs and tables are refused before anything starts or is stored.</summary>
public sealed class BotNameTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> BadNames => ["", "line\nbreak", "red\u001b[31mbot", new string('b', 5_000)];

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task Start_BadName_OneErrorLineExitTwoNoStore(string name)
    {
        var result = await CliProcess.RunAsync(["trade", "start", "--strategy", "rsi", "--symbol", "BTCUSDT", "--name", name], null, _dir.Path, Ct);

        AssertRefused(result);
    }

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task StopAndStatus_BadName_OneErrorLineExitTwoNoStore(string name)
    {
        var stop = await CliProcess.RunAsync(["trade", "stop", "--bot", name], null, _dir.Path, Ct);
        var status = await CliProcess.RunAsync(["trade", "status", "--bot", name], null, _dir.Path, Ct);

        AssertRefused(stop);
        AssertRefused(status);
    }

    private void AssertRefused(CliProcess.Result result)
    {
        result.ExitCode.ShouldBe(2, result.Error);
        var line = result.ErrorLines.ShouldHaveSingleItem();
        line.ShouldStartWith("error: ");
        line.ShouldContain("bot name");
        result.Error.ShouldNotContain("\u001b");
        Directory.Exists(Path.Combine(_dir.Path, "data")).ShouldBeFalse();
    }

    public void Dispose() => _dir.Dispose();
}
