using Trading.Core.Backtesting;
using Trading.Core.Futures;
using Trading.Core.Model;

namespace Trading.Core.Tests.Backtesting;

/// <summary>Hand-built 1h BTCUSDT candles from 2023-01-01 00:00 UTC (a funding time) and the futures settings the oracle tests use.</summary>
internal static class FuturesCandles
{
    public static Candle Bar(int hour, decimal open, decimal high, decimal low, decimal close) =>
        Candle.Create(EngineCandles.Btc, Timeframe.H1, EngineCandles.T0 + (hour * 3_600_000L), open, high, low, close, 1m);

    /// <summary>A flat series at <paramref name="price"/> with the given bars replaced.</summary>
    public static Candle[] Series(int count, decimal price, params Candle[] overrides)
    {
        var candles = new Candle[count];
        for (var i = 0; i < count; i++) candles[i] = Bar(i, price, price + 10m, price - 10m, price);
        foreach (var bar in overrides) candles[(int)((bar.OpenTimeMs - EngineCandles.T0) / 3_600_000L)] = bar;
        return candles;
    }

    /// <summary>Taker fee 5 bps, no slippage, the given leverage and constant funding rate.</summary>
    public static BacktestSettings Settings(int leverage, decimal fundingRate) => new()
    {
        InitialBalance = 10_000m,
        FeeBps = 5m,
        SlippageBps = 0m,
        Futures = new FuturesBacktestSettings
        {
            Leverage = leverage, Brackets = KnownLeverageBrackets.BtcUsdt, Funding = FundingRates.Constant(fundingRate), SpotCandlesStandIn = true,
        },
    };
}
