using Shouldly;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Config;

public sealed class ConfigCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string ApiKey = "k3yK3yK3yK3yK3yK3yK3yK3yK3yK3yK3y";
    private const string ApiSecret = "s3cr3tS3cr3tS3cr3tS3cr3tS3cr3t";
    private const string DbPassword = "pg-pa55word";

    [Fact]
    public async Task Validate_NoConfiguration_ExitsZeroAndSaysValid()
    {
        using var dir = new TempDirectory();

        var result = await CliProcess.RunAsync(["config", "validate"], null, dir.Path, Ct);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.Trim().ShouldBe("configuration is valid");
        result.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_SeveralProblems_PrintsOneLineEachAndExitsTwo()
    {
        using var dir = new TempDirectory();
        dir.Write(".env", $"BINANCE_API_SECRET={ApiSecret}\nnot a setting line\nDATABASE_URL=mysql://u:{DbPassword}@h/db\n");

        var result = await CliProcess.RunAsync(["config", "validate"], new Dictionary<string, string?> { ["TRADING_MODE"] = "live" },
            dir.Path, Ct);

        result.ExitCode.ShouldBe(2);
        result.Output.ShouldBeEmpty();
        result.ErrorLines.ShouldBe([
            "error: .env line 2: expected KEY=VALUE but found no '='",
            "error: DATABASE_URL is malformed: unsupported scheme 'mysql', expected postgresql:// or postgres://.",
            "error: BINANCE_API_KEY and BINANCE_API_SECRET must be set together",
            "error: TRADING_MODE=live needs BINANCE_API_KEY and BINANCE_API_SECRET",
            "error: TRADING_MODE=live needs explicit confirmation: set TRADING_CONFIRM_LIVE=true",
        ]);
        result.Error.ShouldNotContain(ApiSecret[..8]);
        result.Error.ShouldNotContain(DbPassword);
    }

    [Fact]
    public async Task Show_SecretsFromEverySource_AreMaskedAndSourcesShown()
    {
        using var dir = new TempDirectory();
        dir.Write(".env", $"BINANCE_API_KEY={ApiKey}\nBINANCE_API_SECRET=\"{ApiSecret}\"\n");
        var env = new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = $"postgresql://trader:{DbPassword}@localhost:5432/trading",
            ["REDIS_URL"] = $"redis://:{DbPassword}@127.0.0.1:6379",
        };

        var result = await CliProcess.RunAsync(["--data-dir", "/tmp/elsewhere", "config", "show"], env, dir.Path, Ct);

        result.ExitCode.ShouldBe(0, result.Error);
        var output = result.Output + result.Error;
        output.ShouldNotContain(ApiKey[4..]);
        output.ShouldNotContain(ApiSecret[4..]);
        output.ShouldNotContain(ApiKey[..4]);
        output.ShouldNotContain(ApiSecret[..4]);
        output.ShouldNotContain(DbPassword);
        Row(result, "BINANCE_API_KEY").ShouldBe(["BINANCE_API_KEY", "****", ".env"]);
        Row(result, "DATABASE_URL").ShouldBe(["DATABASE_URL", "postgresql://trader:****@localhost:5432/trading", "env"]);
        Row(result, "TRADING_DATA_DIR").ShouldBe(["TRADING_DATA_DIR", "/tmp/elsewhere", "cli"]);
        Row(result, "DRY_RUN").ShouldBe(["DRY_RUN", "true", "default"]);
    }

    [Fact]
    public async Task Show_InvalidConfiguration_PrintsTheTableThenTheProblemsAndExitsTwo()
    {
        using var dir = new TempDirectory();
        dir.Write("appsettings.json", """{ "Risk": { "StopLossPct": 250 } }""");

        var result = await CliProcess.RunAsync(["config", "show"], null, dir.Path, Ct);

        result.ExitCode.ShouldBe(2);
        Row(result, "RISK_STOP_LOSS_PCT").ShouldBe(["RISK_STOP_LOSS_PCT", "250", "appsettings"]);
        result.ErrorLines.ShouldBe(["error: RISK_STOP_LOSS_PCT is a percent and must be within 0..100 (got 250)"]);
    }

    private static string[] Row(CliProcess.Result result, string setting) =>
        result.Output.Split('\n').Select(l => l.Trim())
            .Single(l => l.StartsWith(setting + " ", StringComparison.Ordinal))
            .Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
