using System.Globalization;
using System.Text.RegularExpressions;
using Shouldly;
using Trading.Services.Bots;
using Trading.Services.Hosting;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Service;

/// <summary>
/// `service up|down|logs` without Docker: the platform as a background process with a pid file and a log file in the data
/// directory, its output followed, stopped by SIGTERM (gracefully, recorded as stopped); with --docker, the Compose command
/// line it runs, refused in one error line when no Docker engine is reachable (none is, here).
/// </summary>
public sealed partial class ServiceUpDownTests : SimulatorCliTest
{
    [Fact]
    public async Task UpLogsDown_NoDocker_BackgroundPlatformWithPidAndLogFilesStoppedGracefully()
    {
        await using var store = await TradingStoreFactory.OpenAsync(null, DataDir, Ct);
        var up = await CliProcess.RunAsync(["service", "up"], Environment, Dir.Path, Ct);
        up.ExitCode.ShouldBe(0, up.Error);
        var pid = int.Parse(StartedPid().Match(up.Output).Groups[1].Value, CultureInfo.InvariantCulture);
        try
        {
            var states = new ServiceStateStore(store.SystemState);
            await TestWait.UntilAsync(async () => await states.GetAsync("platform", Ct) is { State: ServiceState.Running or ServiceState.Degraded } s && s.Pid == pid, Timeout, Ct);
            File.ReadAllText(Path.Combine(DataDir, "run", "platform.pid")).ShouldStartWith($"{pid}\n");
            await using var follow = CliProcess.Start(["service", "logs", "--follow"], Environment, Dir.Path);
            await RunningCliWait.WhileRunningAsync(() => Task.FromResult(follow.Output.Contains("platform | running data-collector", StringComparison.Ordinal)), Timeout, Ct, follow);
            var again = await CliProcess.RunAsync(["service", "up"], Environment, Dir.Path, Ct);

            var down = await CliProcess.RunAsync(["service", "down"], Environment, Dir.Path, Ct);
            var logs = await CliProcess.RunAsync(["service", "logs", "--name", "platform"], Environment, Dir.Path, Ct);
            await follow.TerminateAsync(Ct);

            again.Output.ShouldStartWith($"platform is already running (pid {pid})");
            down.ExitCode.ShouldBe(0, down.Error);
            down.Output.ShouldBe($"stopped platform (pid {pid})\n");
            BotProcessProbe.IsAlive(pid, DateTimeOffset.UtcNow).ShouldBeFalse();
            File.Exists(Path.Combine(DataDir, "run", "platform.pid")).ShouldBeFalse();
            (await states.GetAsync("platform", Ct))!.State.ShouldBe(ServiceState.Stopped);
            logs.ExitCode.ShouldBe(0);
            logs.Output.ShouldContain("platform | running data-collector");
            (await follow.WaitForExitAsync(Timeout, Ct)).ExitCode.ShouldBe(0);
        }
        finally
        {
            if (BotProcessProbe.IsAlive(pid, DateTimeOffset.UtcNow)) System.Diagnostics.Process.GetProcessById(pid).Kill();
        }
    }

    [Fact]
    public async Task UpAndDown_DockerWithoutEngine_ComposeCommandLineInOneErrorLine()
    {
        Directory.CreateDirectory(Path.Combine(Dir.Path, "deploy"));
        File.Copy(Path.Combine(RepoPaths.Root, "deploy", "docker-compose.yml"), Path.Combine(Dir.Path, "deploy", "docker-compose.yml"));
        File.Copy(Path.Combine(RepoPaths.Root, ".env.example"), Path.Combine(Dir.Path, ".env"));
        var environment = new Dictionary<string, string?>(Environment) { ["DOCKER_HOST"] = "unix:///nonexistent/docker.sock" };

        var up = await CliProcess.RunAsync(["service", "up", "--docker", "--name", "order-executor"], environment, Dir.Path, Ct);
        var down = await CliProcess.RunAsync(["service", "down", "--docker"], environment, Dir.Path, Ct);
        var missing = await CliProcess.RunAsync(["service", "logs", "--docker", "--file", "nope.yml"], environment, Dir.Path, Ct);

        up.ExitCode.ShouldBe(1);
        up.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: docker-compose -f deploy/docker-compose.yml up -d order-executor failed (exit 1): ");
        down.ExitCode.ShouldBe(1);
        down.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: docker-compose -f deploy/docker-compose.yml down failed (exit 1): ");
        missing.ExitCode.ShouldBe(1);
        missing.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: compose file nope.yml not found");
        Directory.Exists(DataDir).ShouldBeFalse();
    }

    [GeneratedRegex(@"started platform \(pid (\d+)\)")]
    private static partial Regex StartedPid();
}
