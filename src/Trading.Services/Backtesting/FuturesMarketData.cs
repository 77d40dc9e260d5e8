using System.Globalization;
using Trading.Core.Backtesting;
using Trading.Core.Futures;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Services.Backtesting;

/// <summary>
/// The prices and funding of a backtest. A usdm backtest reads the stored usdm candles of its symbol when the store has
/// them for the range, else the spot candles stand in (as before futures klines could be imported); its funding is the
/// stated one (--funding-rate, --funding-file), else the stored funding rates of the range. The futures settings say which,
/// and the report shows it.
/// </summary>
public static class FuturesMarketData
{
    public static async Task<(Candle[] Candles, FuturesBacktestSettings? Futures)> LoadAsync(ITradingStore store, BacktestRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Futures is not { } futures)
            return (await BacktestService.LoadCandlesAsync(store, request.Symbol, request.Timeframe, request.FromMs, request.ToMs, ct).ConfigureAwait(false), null);
        var storedFunding = futures.WantsStoredFunding ? await StoredFundingAsync(store.FundingRates, request, ct).ConfigureAwait(false) : null;
        futures.Resolve(request.Symbol, storedFunding); // bad input is refused before any candle is read
        var usdm = await CandleLoader.LoadAsync(store.CandlesOf(MarketType.Usdm), request.Symbol, request.Timeframe, request.FromMs, request.ToMs, ct)
            .ConfigureAwait(false);
        var candles = usdm.Length > 0
            ? usdm
            : await BacktestService.LoadCandlesAsync(store, request.Symbol, request.Timeframe, request.FromMs, request.ToMs, ct).ConfigureAwait(false);
        return (candles, futures.Resolve(request.Symbol, storedFunding, spotCandlesStandIn: usdm.Length == 0));
    }

    private static async Task<FundingRates?> StoredFundingAsync(IFundingRateStore store, BacktestRequest request, CancellationToken ct)
    {
        var settlements = await store.ReadAsync(request.Symbol, request.FromMs, request.ToMs, ct).ConfigureAwait(false);
        if (settlements.Count == 0) return null;
        var source = string.Create(CultureInfo.InvariantCulture,
            $"{settlements.Count} stored funding settlements of {request.Symbol} ({Time(settlements[0].TimeMs)} to {Time(settlements[^1].TimeMs)})");
        return FundingRates.FromSettlements([.. settlements.Select(s => s.TimeMs)], [.. settlements.Select(s => s.Rate)], source);
    }

    private static string Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
