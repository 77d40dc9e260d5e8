using Shouldly;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Exchange;

public sealed class SimulateCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Simulate_BadPort_OneLineErrorAndExit2()
    {
        var result = await CliProcess.RunAsync(["exchange", "simulate", "--data", RepoPaths.BtcUsdt1hDir, "--port", "70000"], ct: Ct);

        result.ExitCode.ShouldBe(2);
        result.Error.Trim().ShouldBe("error: --port must be between 0 and 65535");
    }

    [Fact]
    public async Task Simulate_MissingData_OneLineErrorAndExit2()
    {
        var result = await CliProcess.RunAsync(["exchange", "simulate", "--data", "/nonexistent/klines", "--port", "0"], ct: Ct);

        result.ExitCode.ShouldBe(2);
        result.Error.Trim().ShouldBe("error: /nonexistent/klines: no such file or folder");
    }
}
