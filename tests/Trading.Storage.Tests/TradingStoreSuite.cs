using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Storage.Tests;

/// <summary>
/// The one storage contract, run against every engine by a concrete subclass. Each test gets a fresh, migrated store.
/// The suite is split by store into partial files.
/// </summary>
public abstract partial class TradingStoreSuite : IAsyncLifetime
{
    protected static readonly Symbol Btc = new("BTCUSDT");
    protected static readonly Symbol Eth = new("ETHUSDT");
    protected const long T0 = 1_704_067_200_000; // 2024-01-01 00:00 UTC
    protected static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(T0);

    private (string? Url, string DataDir) location;

    protected ITradingStore Store { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new empty database: a URL for a server engine, or a data directory for an embedded one.</summary>
    protected abstract Task<(string? Url, string DataDir)> NewLocationAsync();

    protected abstract Task DeleteLocationAsync(string? url, string dataDir);

    public async ValueTask InitializeAsync()
    {
        location = await NewLocationAsync();
        Store = await TradingStoreFactory.OpenAsync(location.Url, location.DataDir, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await DeleteLocationAsync(location.Url, location.DataDir);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes the store and opens the same database again, as a restart would.</summary>
    protected async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        Store = await TradingStoreFactory.OpenAsync(location.Url, location.DataDir, Ct);
    }

    /// <summary>A second store on the same database, as another process would open it.</summary>
    protected Task<ITradingStore> OpenSecondStoreAsync() => TradingStoreFactory.OpenAsync(location.Url, location.DataDir, Ct);

    protected static Candle Bar(long index, decimal close = 100m, Symbol? symbol = null, Timeframe? timeframe = null)
    {
        var tf = timeframe ?? Timeframe.M1;
        return new Candle(symbol ?? Btc, tf, T0 + (index * tf.DurationMs), close, close + 2m, close - 1m, close, 1.5m)
        {
            QuoteVolume = close * 1.5m,
            TradeCount = 10 + index,
        };
    }

    protected async Task<List<Candle>> ReadAllAsync(Symbol symbol, Timeframe timeframe)
    {
        var result = new List<Candle>();
        await foreach (var candle in Store.Candles.ReadAsync(symbol, timeframe, long.MinValue, long.MaxValue, Ct))
            result.Add(candle);
        return result;
    }
}
