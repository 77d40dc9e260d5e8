using Shouldly;
using Trading.Core.Model;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Order;

/// <summary>
/// The largest quantity the option accepts (10^12) is a stored risk denial with its reason, never an overflow; anything larger,
/// up to decimal.MaxValue, is refused as input before the store is touched.
/// </summary>
public sealed class OrderQuantityBoundsTests : IDisposable
{
    private readonly TempDirectory _dataDir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Buy_LargestAcceptedQuantity_DeniedAndTheDenialStored()
    {
        await using (var seed = await TradingStoreFactory.OpenAsync(null, _dataDir.Path, Ct))
        {
            var minute = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 60_000 * 60_000 - 60_000;
            await seed.Candles.UpsertAsync([Candle.Create(new Symbol("BTCUSDT"), Timeframe.M1, minute, 70_000m, 70_000m, 70_000m, 70_000m, 1)], Ct);
        }
        var paper = new Dictionary<string, string?> { ["TRADING_DATA_DIR"] = _dataDir.Path, ["DRY_RUN"] = "false", ["TRADING_MODE"] = "paper" };

        var result = await CliProcess.RunAsync(["order", "buy", "--symbol", "BTCUSDT", "--quantity", "1000000000000"], paper, ct: Ct);

        result.ExitCode.ShouldBe(1, result.Error);
        result.ErrorLines.Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldContain("is above the maximum");
        result.Error.ShouldNotContain("Overflow");
        await using var store = await TradingStoreFactory.ConnectAsync(null, _dataDir.Path, Ct);
        var denial = (await store.RiskDecisions.ListAsync(ct: Ct)).ShouldHaveSingleItem();
        denial.Allowed.ShouldBeFalse();
        denial.Reason.ShouldContain("is above the maximum");
        (await store.Orders.ListAsync(false, 10, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Buy_DecimalMaxValueQuantity_RefusedAsInputAndNothingStored()
    {
        var paper = new Dictionary<string, string?> { ["TRADING_DATA_DIR"] = _dataDir.Path, ["DRY_RUN"] = "false", ["TRADING_MODE"] = "paper" };

        var result = await CliProcess.RunAsync(["order", "buy", "--symbol", "BTCUSDT", "--quantity", decimal.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)], paper, ct: Ct);

        result.ExitCode.ShouldBe(2, result.Error);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: --quantity must be above 0 and at most 1,000,000,000,000");
        Directory.EnumerateFileSystemEntries(_dataDir.Path).ShouldBeEmpty();
    }

    public void Dispose() => _dataDir.Dispose();
}
