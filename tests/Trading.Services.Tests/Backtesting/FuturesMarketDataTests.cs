using Shouldly;
using Trading.Core.Backtesting.Statistics;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Core.Strategies.BuiltIn;
using Trading.Services.Backtesting;
using Trading.Services.Import;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Backtesting;

/// <summary>
/// A usdm backtest's prices and funding: the stored usdm candles and funding rates when the store has them, else the spot
/// candles standing in and the stated funding; the report says which.
/// </summary>
public sealed class FuturesMarketDataTests : IAsyncLifetime
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly DateTimeOffset Jan1 = new(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Days = ["2023-01-01", "2023-01-02", "2023-01-03"];
    private const decimal FuturesPremium = 1.002m;
    private readonly TempDirectory _dir = new();
    private ITradingStore _store = null!;
    private string _fundingFile = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = await TradingStoreFactory.OpenAsync(null, _dir.Path, Ct);
        await new CandleImporter(_store.Candles, TimeProvider.System)
            .ImportAsync([.. Days.Select(d => Path.Combine(RepoPaths.BtcUsdt1mDir, $"BTCUSDT-1m-{d}.zip"))], ct: Ct);
        // Nine settlements, alternating in sign, so paid and received both show.
        _fundingFile = FuturesFiles.WriteFunding(_dir.Path, "BTCUSDT-fundingRate-2023-01", zip: true,
            [.. Enumerable.Range(0, 9).Select(i => FuturesFiles.FundingRow(Jan1.AddHours(8 * i), i % 2 == 0 ? 0.0003m : -0.0002m))]);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    private static BacktestRequest Request(decimal? fundingRate = null, string[]? fundingFiles = null) => new()
    {
        Strategy = "rsi", Symbol = Btc, FromMs = Jan1.ToUnixTimeMilliseconds(), ToMs = Jan1.AddDays(3).ToUnixTimeMilliseconds(),
        Futures = new FuturesRequest { Leverage = 2, FundingRate = fundingRate, FundingFiles = fundingFiles ?? [] },
    };

    private Task<PreparedBacktest> PrepareAsync(BacktestRequest request) =>
        new BacktestService(_store, BuiltInStrategies.CreateRegistry()).PrepareAsync(request, Ct);

    private async Task StoreFuturesDataAsync()
    {
        var zips = Days.Select(d => FuturesFiles.WriteKlineZip(_dir.Path, d, FuturesPremium)).ToList();
        (await new CandleImporter(_store.CandlesOf(MarketType.Usdm), TimeProvider.System).ImportAsync(zips, ct: Ct)).RowsWritten.ShouldBe(4320);
        await FundingImport.Read([_fundingFile]).StoreAsync(_store.FundingRates, Ct);
    }

    [Fact]
    public async Task PrepareAsync_StoredUsdmCandlesAndFunding_TradesOnThemAndTheReportSaysSo()
    {
        await StoreFuturesDataAsync();

        var prepared = await PrepareAsync(Request());
        var report = BacktestService.Run(prepared, "bt-stored", ct: Ct);

        var spotLast = await _store.Candles.GetLatestAsync(Btc, Timeframe.M1, Ct);
        prepared.Data.Count.ShouldBe(4320);
        prepared.Data.Candles.Span[^1].Close.ShouldBe(spotLast!.Value.Close * FuturesPremium);
        prepared.Settings.Futures!.SpotCandlesStandIn.ShouldBeFalse();
        report.Futures!.FundingSource.ShouldBe("9 stored funding settlements of BTCUSDT (2023-01-01 00:00 to 2023-01-03 16:00)");
        report.Futures.FundingSettlements.ShouldBeGreaterThan(0);
        FuturesRows.For(report.Futures).ShouldContain(("Prices", "stored USDⓈ-M futures candles (usdm series)"));
    }

    [Fact]
    public async Task Run_StoredFundingAgainstTheSameFundingFile_SettlesIdentically()
    {
        await StoreFuturesDataAsync();

        var stored = BacktestService.Run(await PrepareAsync(Request()), "bt-stored", ct: Ct);
        var file = BacktestService.Run(await PrepareAsync(Request(fundingFiles: [_fundingFile])), "bt-file", ct: Ct);

        file.Futures!.FundingSource.ShouldBe("9 funding settlements from BTCUSDT-fundingRate-2023-01.zip");
        (stored.Futures!.FundingSettlements, stored.Futures.FundingPaid, stored.Futures.FundingReceived)
            .ShouldBe((file.Futures.FundingSettlements, file.Futures.FundingPaid, file.Futures.FundingReceived));
        (stored.Futures.FundingPaid + stored.Futures.FundingReceived).ShouldNotBe(0m);
        stored.Statistics.FinalBalance.ShouldBe(file.Statistics.FinalBalance);
    }

    [Fact]
    public async Task PrepareAsync_NoUsdmCandlesButStoredFunding_SpotStandsInWithTheStoredFunding()
    {
        await FundingImport.Read([_fundingFile]).StoreAsync(_store.FundingRates, Ct);

        var prepared = await PrepareAsync(Request());

        prepared.Settings.Futures!.SpotCandlesStandIn.ShouldBeTrue();
        prepared.Settings.Futures.Funding.Source.ShouldStartWith("9 stored funding settlements");
        prepared.Data.Candles.Span[0].Close.ShouldBe((await _store.Candles.ReadAsync(Btc, Timeframe.M1, 0, long.MaxValue, Ct).FirstAsync(Ct)).Close);
    }

    [Fact]
    public async Task PrepareAsync_StatedRateWithFundingStored_TakesTheStatedRate()
    {
        await StoreFuturesDataAsync();

        var prepared = await PrepareAsync(Request(fundingRate: 0.0001m));

        prepared.Settings.Futures!.Funding.IsConstant.ShouldBeTrue();
        prepared.Settings.Futures.SpotCandlesStandIn.ShouldBeFalse();
    }

    [Fact]
    public async Task PrepareAsync_NoFundingStatedOrStored_RefusesNamingTheWaysToGiveIt()
    {
        var error = await Should.ThrowAsync<BacktestInputException>(() => PrepareAsync(Request()));

        error.Message.ShouldContain("--market usdm needs funding");
        error.Message.ShouldContain("trading data import --market usdm --funding");
    }
}
