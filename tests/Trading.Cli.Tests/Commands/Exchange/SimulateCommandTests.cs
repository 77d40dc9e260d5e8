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

    [Theory]
    [InlineData("--spread-bps", "-1", "error: --spread-bps must be between 0 and 1000")]
    [InlineData("--depth-levels", "0", "error: --depth-levels must be between 1 and 1000")]
    public async Task Simulate_BadBookModel_OneLineErrorAndExit2(string option, string value, string error)
    {
        var result = await CliProcess.RunAsync(["exchange", "simulate", "--data", RepoPaths.BtcUsdt1hDir, "--port", "0", option, value], ct: Ct);

        result.ExitCode.ShouldBe(2);
        result.Error.Trim().ShouldBe(error);
    }

    [Fact]
    public async Task Simulate_MissingData_OneLineErrorAndExit2()
    {
        var result = await CliProcess.RunAsync(["exchange", "simulate", "--data", "/nonexistent/klines", "--port", "0"], ct: Ct);

        result.ExitCode.ShouldBe(2);
        result.Error.Trim().ShouldBe("error: /nonexistent/klines: no such file or folder");
    }
}
