using Shouldly;
using Trading.Core.Model;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Order;

/// <summary>The order, portfolio and trade commands as a user runs them: paper mode against a SQLite store holding one candle.</summary>
public sealed class OrderCommandTests : IDisposable
{
    private readonly TempDirectory _dataDir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Without slippage (PAPER_SLIPPAGE_BPS defaults to the backtest's 2 bps) a paper market order fills exactly at the latest price.
    private Dictionary<string, string?> Paper => new()
    {
        ["TRADING_DATA_DIR"] = _dataDir.Path, ["DRY_RUN"] = "false", ["TRADING_MODE"] = "paper", ["PAPER_SLIPPAGE_BPS"] = "0",
    };

    [Fact]
    public async Task Buy_PaperMarketOrder_FillsAtTheLatestPriceAndShowsInPortfolio()
    {
        await SeedPriceAsync(70_000m);

        var buy = await CliProcess.RunAsync(["order", "buy", "--symbol", "BTCUSDT", "--quantity", "0.01"], Paper, ct: Ct);
        var list = await CliProcess.RunAsync(["order", "list"], Paper, ct: Ct);
        var show = await CliProcess.RunAsync(["portfolio", "show"], Paper, ct: Ct);

        buy.ExitCode.ShouldBe(0, buy.Error);
        buy.Error.ShouldContain("mode: PAPER");
        buy.Output.ShouldContain("FILLED, filled 0.01 @ 70000");
        list.Output.ShouldContain("1 order(s)");
        show.Output.ShouldContain("BTCUSDT");
        show.Output.ShouldContain("equity 9999.3 USDT");
    }

    [Theory]
    [InlineData("--quantity", "-1", 2, "--quantity must be above 0")]
    [InlineData("--symbol", "FOOUSDT", 1, "unknown symbol FOOUSDT")]
    [InlineData("--price", "70000.005", 1, "not a multiple of the tick size")]
    [InlineData("--quantity", "0.00001", 1, "below the minimum")]
    public async Task Buy_BadInput_OneLineErrorNonZeroExitAndNoOrder(string option, string value, int exitCode, string message)
    {
        await SeedPriceAsync(70_000m);
        var args = new Dictionary<string, string> { ["--symbol"] = "BTCUSDT", ["--quantity"] = "0.01", [option] = value };

        var result = await CliProcess.RunAsync(["order", "buy", .. args.SelectMany(a => new[] { a.Key, a.Value })], Paper, ct: Ct);
        var list = await CliProcess.RunAsync(["order", "list"], Paper, ct: Ct);

        result.ExitCode.ShouldBe(exitCode, result.Error);
        result.ErrorLines.Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldContain(message);
        list.Output.ShouldContain("0 order(s)");
    }

    [Fact]
    public async Task Buy_LiveModeWithoutConfirmation_RefusedAndNoOrder()
    {
        await SeedPriceAsync(70_000m);
        var live = new Dictionary<string, string?>(Paper) { ["TRADING_MODE"] = "live", ["BINANCE_API_KEY"] = "k", ["BINANCE_API_SECRET"] = "s" };

        var result = await CliProcess.RunAsync(["order", "buy", "--symbol", "BTCUSDT", "--quantity", "0.01"], live, ct: Ct);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("confirm");
        (await CliProcess.RunAsync(["order", "list"], Paper, ct: Ct)).Output.ShouldContain("0 order(s)");
    }

    [Fact]
    public async Task Kill_ThenBuy_DeniedUntilResume()
    {
        await SeedPriceAsync(70_000m);

        var kill = await CliProcess.RunAsync(["trade", "kill"], Paper, ct: Ct);
        var denied = await CliProcess.RunAsync(["order", "buy", "--symbol", "BTCUSDT", "--quantity", "0.01"], Paper, ct: Ct);
        var resume = await CliProcess.RunAsync(["trade", "resume"], Paper, ct: Ct);
        var allowed = await CliProcess.RunAsync(["order", "buy", "--symbol", "BTCUSDT", "--quantity", "0.01"], Paper, ct: Ct);

        kill.Output.ShouldContain("HALTED");
        denied.ExitCode.ShouldBe(1);
        denied.Error.ShouldContain("kill switch");
        resume.Output.ShouldContain("ACTIVE");
        allowed.ExitCode.ShouldBe(0, allowed.Error);
    }

    private async Task SeedPriceAsync(decimal price)
    {
        await using var store = await TradingStoreFactory.OpenAsync(null, _dataDir.Path, Ct);
        var minute = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 60_000 * 60_000 - 60_000;
        await store.Candles.UpsertAsync([Candle.Create(new Symbol("BTCUSDT"), Timeframe.M1, minute, price, price, price, price, 1)], Ct);
    }

    public void Dispose() => _dataDir.Dispose();
}
