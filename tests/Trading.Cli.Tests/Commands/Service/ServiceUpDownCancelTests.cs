using Shouldly;
using Trading.Cli.Tests.BadInput;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Service;

/// <summary>
/// `service up|down|logs` end promptly whatever state the data directory is in: stopped by their token (as by Ctrl+C) before
/// they start anything, and `down` on a machine where no service was ever started (no run directory) says so and exits 0.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ServiceUpDownCancelTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CancellationTokenSource _stopped = new();

    public ServiceUpDownCancelTests() => _stopped.Cancel();

    private string DataDir => Path.Combine(_dir.Path, "data");

    [Fact]
    public async Task Up_CancelledToken_StartsNothingAndExits130()
    {
        var result = await InProcessCli.RunAsync(["service", "up", "--data-dir", DataDir], _stopped.Token);

        result.ExitCode.ShouldBe(TradingCli.Cancelled);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: cancelled");
        Directory.Exists(Path.Combine(DataDir, "run")).ShouldBeFalse();
    }

    [Fact]
    public async Task UpDocker_CancelledToken_DoesNotRunCompose()
    {
        var compose = _dir.Write("docker-compose.yml", "services:\n  app:\n    image: busybox\n");

        var result = await InProcessCli.RunAsync(["service", "up", "--docker", "--file", compose, "--data-dir", DataDir], _stopped.Token);

        result.ExitCode.ShouldBe(TradingCli.Cancelled);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: cancelled");
        result.Error.ShouldNotContain("docker");
    }

    [Fact]
    public async Task LogsFollow_CancelledToken_EndsAtOnce()
    {
        var result = await InProcessCli.RunAsync(["service", "logs", "--follow", "--data-dir", DataDir], _stopped.Token);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task Down_NoServiceEverStarted_SaysNoneWereRunning()
    {
        var result = await InProcessCli.RunAsync(["service", "down", "--data-dir", DataDir], TestContext.Current.CancellationToken);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldBe("no services were running\n");
        result.Error.ShouldBeEmpty();
    }

    public void Dispose()
    {
        _stopped.Dispose();
        _dir.Dispose();
    }
}
