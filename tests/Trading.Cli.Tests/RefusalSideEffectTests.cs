using Shouldly;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests;

/// <summary>A refusal or a look-up that finds nothing leaves no trace: on a fresh machine no store (no data directory) is created.</summary>
public sealed class RefusalSideEffectTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DataDir => Path.Combine(_dir.Path, "data");

    [Theory]
    [InlineData(2, "unknown bot", "trade", "stop", "--bot", "nosuch")]
    [InlineData(1, "no order with id nosuch", "order", "cancel", "--id", "nosuch")]
    [InlineData(2, "--days must be within", "portfolio", "history", "--days", "999999999")]
    [InlineData(2, "no stored run with id 'nosuch'", "backtest", "report", "--id", "nosuch")]
    public async Task Run_NothingToFind_OneErrorLineAndNoStoreCreated(int exitCode, string reason, params string[] args)
    {
        var result = await CliProcess.RunAsync([.. args, "--data-dir", DataDir], workingDirectory: _dir.Path, ct: Ct);

        result.ExitCode.ShouldBe(exitCode, result.Error);
        result.ErrorLines.Where(l => !l.StartsWith("mode:", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldContain(reason);
        Directory.Exists(DataDir).ShouldBeFalse();
    }

    [Fact]
    public async Task Run_EmptyDataDir_RefusedInsteadOfUsingDotData()
    {
        var result = await CliProcess.RunAsync(["data", "list", "--data-dir", ""], workingDirectory: _dir.Path, ct: Ct);

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("--data-dir");
        Directory.Exists(DataDir).ShouldBeFalse();
    }

    public void Dispose() => _dir.Dispose();
}
