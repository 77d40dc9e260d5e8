using Shouldly;
using Trading.Core.Model;

namespace Trading.Storage.Tests;

/// <summary>Symbol filters from exchangeInfo: stored with their fetch time, replaced by a later fetch, kept across restarts.
/// The symbols are built here, not from the suite's statics: static initialisers of partial files run in no set order.</summary>
public abstract partial class TradingStoreSuite
{
    private static readonly SymbolInfo EthInfo = new(new Symbol("ETHUSDT"), "ETH", "USDT", "TRADING", new SymbolFilters
    {
        TickSize = 0.01m, MinPrice = 0.01m, MaxPrice = 1_000_000m,
        StepSize = 0.0001m, MinQuantity = 0.0001m, MaxQuantity = 9000m,
        MinNotional = 5m, MaxNotional = 9_000_000m,
    });

    private static readonly SymbolInfo TinyInfo = new(new Symbol("SHIBUSDT"), "SHIB", "USDT", "BREAK", new SymbolFilters
    {
        TickSize = 0.00000001m, MinPrice = 0.00000001m, MaxPrice = 1m,
        StepSize = 1m, MinQuantity = 1m, MaxQuantity = 92_233_720_368m,
    });

    [Fact]
    public async Task SymbolFilters_SaveThenGetAndList_RoundTripsEveryFieldAndTheFetchTime()
    {
        await Store.SymbolFilters.SaveAsync([TinyInfo, EthInfo], Now, Ct);

        var eth = await Store.SymbolFilters.GetAsync(Eth, Ct);
        eth.ShouldNotBeNull();
        eth.Info.ShouldBe(EthInfo);
        eth.FetchedAt.ShouldBe(Now);
        (await Store.SymbolFilters.GetAsync(Btc, Ct)).ShouldBeNull();
        var all = await Store.SymbolFilters.ListAsync(Ct);
        all.Select(s => s.Info).ShouldBe([EthInfo, TinyInfo]);
    }

    [Fact]
    public async Task SymbolFilters_SaveAgainAfterReopen_ReplacesTheSymbolAndKeepsOthers()
    {
        await Store.SymbolFilters.SaveAsync([EthInfo, TinyInfo], Now, Ct);
        var changed = EthInfo with { Status = "HALT", Filters = EthInfo.Filters with { StepSize = 0.001m, MinNotional = 10m } };

        await ReopenAsync();
        await Store.SymbolFilters.SaveAsync([changed], Now.AddHours(1), Ct);

        var eth = await Store.SymbolFilters.GetAsync(Eth, Ct);
        eth.ShouldBe(new Core.Storage.StoredSymbolInfo(changed, Now.AddHours(1)));
        (await Store.SymbolFilters.GetAsync(TinyInfo.Symbol, Ct)).ShouldBe(new Core.Storage.StoredSymbolInfo(TinyInfo, Now));
    }
}
