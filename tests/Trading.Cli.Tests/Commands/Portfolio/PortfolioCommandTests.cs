using Shouldly;
using Trading.Core.Model;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Portfolio;

/// <summary>A store whose books disagree (a fill the account cannot book) stays usable: show says where and how to repair, repair fixes it.</summary>
public sealed class PortfolioCommandTests : IDisposable
{
    private readonly TempDirectory _dataDir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Dictionary<string, string?> Paper => new() { ["TRADING_DATA_DIR"] = _dataDir.Path, ["DRY_RUN"] = "false", ["TRADING_MODE"] = "paper" };

    [Fact]
    public async Task ShowAndRepair_FillBeyondTheCash_ShowPrintsTheProblemRepairAddsTheShortfallAndTradingWorks()
    {
        await SeedOverspentStoreAsync();

        var broken = await Run("portfolio", "show");
        var sell = await Run("order", "sell", "--symbol", "BTCUSDT", "--quantity", "0.001");
        var repair = await Run("portfolio", "repair");
        var repaired = await Run("portfolio", "show");
        var again = await Run("portfolio", "repair");

        broken.ExitCode.ShouldBe(0, broken.Error);
        broken.Error.ShouldContain("problem: the books disagree: fill f2 of order o2 (Buy 0.2 BTCUSDT at 70000");
        broken.Error.ShouldContain("`trading portfolio repair`");
        broken.Output.ShouldContain("equity");
        sell.ExitCode.ShouldBe(0, sell.Error);
        sell.Output.ShouldContain("FILLED");
        repair.ExitCode.ShouldBe(0, repair.Error);
        repair.Output.ShouldContain("adjusted USDT by ");
        repair.Output.ShouldContain("1 adjustment(s) stored");
        repaired.ExitCode.ShouldBe(0, repaired.Error);
        repaired.Error.ShouldNotContain("problem:");
        again.Output.ShouldContain("nothing to repair");
    }

    private Task<CliProcess.Result> Run(params string[] args) => CliProcess.RunAsync(args, Paper, ct: Ct);

    /// <summary>Two processes each spent most of the 10,000 USDT: 0.1 and then 0.2 BTC at 70,000.</summary>
    private async Task SeedOverspentStoreAsync()
    {
        await using var store = await TradingStoreFactory.OpenAsync(null, _dataDir.Path, Ct);
        var minute = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 60_000 * 60_000 - 120_000;
        await store.Candles.UpsertAsync([Candle.Create(new Symbol("BTCUSDT"), Timeframe.M1, minute, 70_000m, 70_000m, 70_000m, 70_000m, 1)], Ct);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(minute);
        foreach (var (id, quantity) in new[] { ("f1", 0.1m), ("f2", 0.2m) })
        {
            await store.Orders.SaveFillAsync(new Fill
            {
                Id = id, OrderId = "o" + id[1..], Symbol = new Symbol("BTCUSDT"), Side = OrderSide.Buy, Quantity = quantity, Price = 70_000m,
                Fee = quantity * 70m, FeeAsset = "USDT", Time = at,
            }, Ct);
        }
    }

    public void Dispose() => _dataDir.Dispose();
}
