using Shouldly;
using Trading.Core.Model;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Config;

/// <summary>`config validate` checks every file against the strategies, and a limit it accepts works everywhere.</summary>
public sealed class ConfigValidateFilesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<CliProcess.Result> Run(Dictionary<string, string?> env, params string[] args) =>
        CliProcess.RunAsync(args, new Dictionary<string, string?>(env) { ["TRADING_DATA_DIR"] = Path.Combine(_dir.Path, "data") }, _dir.Path, Ct);

    [Fact]
    public async Task Validate_BadStrategiesBotsAndSettings_OneLinePerProblemExitTwo()
    {
        _dir.Write("config/strategies.yaml", "strategies:\n  - { name: nosuch, symbols: [BTCUSDT] }\n  - { name: sma_crossover, symbols: [BTCUSDT], parameters: { fast: abc } }\n");
        _dir.Write("config/bots/x.json", """{ "strategy": "rsi", "symbols": ["BTCUSDT"], "sizing": "kelly", "colour": "red" }""");

        var result = await Run(new() { ["RISK_TRADING_HOURS"] = "always" }, "config", "validate");

        result.ExitCode.ShouldBe(2);
        result.Output.ShouldBeEmpty();
        result.ErrorLines.Length.ShouldBe(5, result.Error);
        result.ErrorLines.ShouldContain("error: RISK_TRADING_HOURS must be a UTC window HH:mm-HH:mm such as 08:00-20:00 (got 'always')");
        result.ErrorLines.ShouldContain("error: config/bots/x.json: sizing 'kelly' is not one of fixed_quantity, fixed_quote, equity_fraction, risk_based");
        result.ErrorLines.ShouldContain("error: config/bots/x.json line 1: unknown key 'colour'");
        result.ErrorLines.ShouldContain(l => l.StartsWith("error: config/strategies.yaml: strategy 'nosuch': unknown strategy 'nosuch'", StringComparison.Ordinal));
        result.ErrorLines.ShouldContain("error: config/strategies.yaml: strategy 'sma_crossover': parameter 'fast' must be an integer, got 'abc'");
    }

    [Fact]
    public async Task Validate_DailyLossLimitZero_IsValidAndAPaperBuyFills()
    {
        var env = new Dictionary<string, string?> { ["RISK_DAILY_LOSS_LIMIT_PCT"] = "0", ["DRY_RUN"] = "false", ["TRADING_MODE"] = "paper" };
        await SeedPriceAsync(70_000m);

        var validate = await Run(env, "config", "validate");
        var buy = await Run(env, "order", "buy", "--symbol", "BTCUSDT", "--quantity", "0.01");

        validate.ExitCode.ShouldBe(0, validate.Error);
        buy.ExitCode.ShouldBe(0, buy.Error);
        buy.Output.ShouldContain("FILLED, filled 0.01 @ ");
        buy.Error.ShouldNotContain("Exception");
    }

    private async Task SeedPriceAsync(decimal price)
    {
        await using var store = await TradingStoreFactory.OpenAsync(null, Path.Combine(_dir.Path, "data"), Ct);
        var minute = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 60_000 * 60_000 - 60_000;
        await store.Candles.UpsertAsync([Candle.Create(new Symbol("BTCUSDT"), Timeframe.M1, minute, price, price, price, price, 1)], Ct);
    }

    public void Dispose() => _dir.Dispose();
}
