using Shouldly;
using Trading.Core.Futures;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services.Import;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Import;

/// <summary>fundingRate files into the store: every row with its sign, or, for any bad row, nothing at all.</summary>
public sealed class FundingImportTests : IAsyncLifetime
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly DateTimeOffset Jan1 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private ITradingStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _store = await TradingStoreFactory.OpenAsync(null, _dir.Path, Ct);

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task StoreAsync_ZipWithANegativeRate_StoresEverySettlementWithItsSign()
    {
        var file = FuturesFiles.WriteFunding(_dir.Path, "BTCUSDT-fundingRate-2024-01", zip: true,
            FuturesFiles.FundingRow(Jan1, 0.00037409m), FuturesFiles.FundingRow(Jan1.AddHours(8).AddMilliseconds(5), -0.0001m),
            FuturesFiles.FundingRow(Jan1.AddHours(16), 0.0001m));

        var import = FundingImport.Read([file]);
        var written = await import.StoreAsync(_store.FundingRates, Ct);

        written.ShouldBe(3);
        var summary = import.Summaries.ShouldHaveSingleItem();
        (summary.Symbol, summary.Settlements, summary.MinRate, summary.MaxRate).ShouldBe((Btc, 3L, -0.0001m, 0.00037409m));
        (await _store.FundingRates.ReadAsync(Btc, long.MinValue, long.MaxValue, Ct)).ShouldBe(
        [
            new FundingSettlement(Jan1.ToUnixTimeMilliseconds(), 8, 0.00037409m),
            new FundingSettlement(Jan1.AddHours(8).ToUnixTimeMilliseconds(), 8, -0.0001m),
            new FundingSettlement(Jan1.AddHours(16).ToUnixTimeMilliseconds(), 8, 0.0001m),
        ]);
    }

    [Theory]
    [InlineData("1704067200000,8,0.0001x", "line 3: last_funding_rate '0.0001x'")]
    [InlineData("-1704067200000,8,0.0001", "line 3: calc_time '-1704067200000' is not a positive time")]
    [InlineData("1704067200000,-8,0.0001", "line 3: funding_interval_hours '-8'")]
    public void Read_GoodFileThenABadRow_ThrowsNamingTheFileAndLineBeforeAnythingIsStored(string badRow, string reason)
    {
        var good = FuturesFiles.WriteFunding(_dir.Path, "BTCUSDT-fundingRate-2023-12", zip: true, FuturesFiles.FundingRow(Jan1.AddDays(-1), 0.0001m));
        var bad = FuturesFiles.WriteFunding(_dir.Path, "BTCUSDT-fundingRate-2024-01", zip: false, FuturesFiles.FundingRow(Jan1, 0.0001m), badRow);

        var error = Should.Throw<KlineFileException>(() => FundingImport.Read([good, bad]));

        error.Message.ShouldStartWith("BTCUSDT-fundingRate-2024-01.csv " + reason);
    }

    [Fact]
    public void Read_FileNameWithoutSymbol_AsksForSymbolUnlessGiven()
    {
        var file = FuturesFiles.WriteFunding(_dir.Path, "funding", zip: false, FuturesFiles.FundingRow(Jan1, 0.0001m));

        Should.Throw<KlineFileException>(() => FundingImport.Read([file])).Message.ShouldContain("pass --symbol");
        FundingImport.Read([file], Btc).Summaries.ShouldHaveSingleItem().Symbol.ShouldBe(Btc);
    }
}
