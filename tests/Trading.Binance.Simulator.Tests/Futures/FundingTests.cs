using Shouldly;
using Trading.Binance.Simulator.Futures;
using Trading.Core.Futures;
using Trading.Core.Model;
using Trading.TestInfrastructure;
using static Trading.Binance.Simulator.Tests.Futures.FuturesSim;

namespace Trading.Binance.Simulator.Tests.Futures;

/// <summary>Funding settles at 00:00, 08:00 and 16:00 UTC at the bar's open as the mark: longs pay a positive rate, shorts receive it.</summary>
public sealed class FundingTests
{
    private static readonly long Midnight = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private const long Hour = 3_600_000L;

    /// <summary>Four hourly history bars before midnight, then a replayed day of hourly bars.</summary>
    private static List<Candle> Day() => TestCandles.Generate(28, Timeframe.H1, startMs: Midnight - 4 * Hour);

    public static TheoryData<string> Sources => ["file", "constant"];

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task HedgedLongAndShort_ADayOfReplay_FundingPaidAndReceivedAt00_08_16WithTheRateSign(string source)
    {
        long[] times = [Midnight, Midnight + 8 * Hour, Midnight + 16 * Hour];
        decimal[] rates = source == "file" ? [0.0001m, -0.0002m, 0.0003m] : [0.0001m, 0.0001m, 0.0001m];
        var funding = source == "file" ? FundingRates.FromSettlements(times, rates, "test fundingRate rows") : FundingRates.Constant(0.0001m);
        var candles = Day();
        await using var h = await StartAsync(candles, Midnight, new FuturesSimulatorOptions { Funding = funding });
        await SetUpAsync(h, hedge: true, leverage: 3);
        await MarketAsync(h, "BUY", 0.01m, "&positionSide=LONG");
        await MarketAsync(h, "SELL", 0.02m, "&positionSide=SHORT");
        var walletBefore = h.Simulator.Futures.WalletBalance;

        await ReplayThroughAsync(h, Timeframe.H1, candles[^1].OpenTimeMs);

        var futures = h.Simulator.Futures;
        var paid = futures.Income.Where(i => i.IncomeType == "FUNDING_FEE").ToList();
        paid.Select(i => i.TimeMs).Distinct().ShouldBe(times);
        for (var k = 0; k < times.Length; k++)
        {
            var mark = candles.Single(c => c.OpenTimeMs == times[k]).Open;
            var atK = paid.Where(i => i.TimeMs == times[k]).Select(i => i.Amount).ToList();
            atK.ShouldBe([-0.01m * mark * rates[k], 0.02m * mark * rates[k]], ignoreOrder: true);
        }
        paid.Count(i => rates[Array.IndexOf(times, i.TimeMs)] > 0 && i.Amount < 0).ShouldBe(rates.Count(r => r > 0), "with a positive rate the long pays");
        futures.WalletBalance.ShouldBe(walletBefore + paid.Sum(i => i.Amount));
        var longFunding = times.Select((t, k) => -0.01m * candles.Single(c => c.OpenTimeMs == t).Open * rates[k]).Sum();
        futures.Position(Btc, PositionSide.Long)!.Funding.ShouldBe(longFunding);
        var history = await OkAsync(h, HttpMethod.Get, "/fapi/v1/fundingRate", "symbol=BTCUSDT");
        history.EnumerateArray().Select(r => r.GetProperty("fundingTime").GetInt64()).ShouldBe(times);
        history.EnumerateArray().Select(r => Dec(r, "fundingRate")).ShouldBe(rates);
    }

    [Fact]
    public async Task PremiumIndex_BeforeAndDuringReplay_MarkFromTheReplayAndNextFundingTime()
    {
        var candles = Day();
        await using var h = await StartAsync(candles, Midnight);

        var before = await OkAsync(h, HttpMethod.Get, "/fapi/v1/premiumIndex", "symbol=BTCUSDT");
        await ReplayThroughAsync(h, Timeframe.H1, candles[^1].OpenTimeMs);
        var after = await OkAsync(h, HttpMethod.Get, "/fapi/v1/premiumIndex", "symbol=BTCUSDT");

        Dec(before, "markPrice").ShouldBe(candles[3].Close);
        before.GetProperty("nextFundingTime").GetInt64().ShouldBe(Midnight);
        Dec(before, "lastFundingRate").ShouldBe(0.0001m);
        Dec(after, "markPrice").ShouldBe(candles[^1].Close);
        after.GetProperty("nextFundingTime").GetInt64().ShouldBe(Midnight + 24 * Hour);
    }
}
