using Shouldly;
using Trading.Core.Model;
using Trading.TestInfrastructure;
using static Trading.Binance.Simulator.Tests.Futures.FuturesSim;

namespace Trading.Binance.Simulator.Tests.Futures;

/// <summary>Hedge mode on /fapi: a LONG and a SHORT position on one symbol at once, each with its own isolated margin.</summary>
public sealed class HedgeModeTests
{
    [Fact]
    public async Task HedgeMode_LongAndShortOnSameSymbol_BothHeldAtOnceWithTheirOwnMargin()
    {
        var candles = TestCandles.Generate(6);
        await using var h = await StartAsync(candles, candles[^1].OpenTimeMs);
        await SetUpAsync(h, hedge: true, leverage: 5);

        var longOrder = await MarketAsync(h, "BUY", 0.01m, "&positionSide=LONG");
        var shortOrder = await MarketAsync(h, "SELL", 0.02m, "&positionSide=SHORT");
        var risk = await OkAsync(h, HttpMethod.Get, "/fapi/v2/positionRisk", "symbol=BTCUSDT");

        longOrder.GetProperty("status").GetString().ShouldBe("FILLED");
        shortOrder.GetProperty("positionSide").GetString().ShouldBe("SHORT");
        var rows = risk.EnumerateArray().ToDictionary(r => r.GetProperty("positionSide").GetString()!);
        rows.Keys.ShouldBe(["LONG", "SHORT"]);
        Dec(rows["LONG"], "positionAmt").ShouldBe(0.01m);
        Dec(rows["SHORT"], "positionAmt").ShouldBe(-0.02m);
        var longEntry = Dec(longOrder, "avgPrice");
        var shortEntry = Dec(shortOrder, "avgPrice");
        longEntry.ShouldBeGreaterThan(shortEntry, "a buy takes the ask, a sell the bid");
        Dec(rows["LONG"], "entryPrice").ShouldBe(longEntry);
        Dec(rows["LONG"], "isolatedMargin").ShouldBe(0.01m * longEntry / 5);
        Dec(rows["SHORT"], "isolatedMargin").ShouldBe(0.02m * shortEntry / 5);
        rows.Values.ShouldAllBe(r => r.GetProperty("leverage").GetString() == "5" && r.GetProperty("marginType").GetString() == "isolated");
        var fees = (0.01m * longEntry + 0.02m * shortEntry) * 0.0005m;
        h.Simulator.Futures.WalletBalance.ShouldBe(10_000m - fees);
        h.Simulator.Futures.AvailableBalance.ShouldBe(10_000m - fees - 0.01m * longEntry / 5 - 0.02m * shortEntry / 5);
    }

    [Fact]
    public async Task HedgeMode_CloseLongWhileShortOpen_OnlyTheLongClosesAndItsPnlIsRealized()
    {
        var candles = TestCandles.Generate(6);
        await using var h = await StartAsync(candles, candles[^1].OpenTimeMs);
        await SetUpAsync(h, hedge: true, leverage: 5);
        await MarketAsync(h, "BUY", 0.01m, "&positionSide=LONG");
        await MarketAsync(h, "SELL", 0.01m, "&positionSide=SHORT");

        var close = await MarketAsync(h, "SELL", 0.01m, "&positionSide=LONG");

        close.GetProperty("status").GetString().ShouldBe("FILLED");
        h.Simulator.Futures.Position(Btc, PositionSide.Long).ShouldBeNull();
        h.Simulator.Futures.Position(Btc, PositionSide.Short)!.Amount.ShouldBe(-0.01m);
        h.Simulator.Futures.Income.Where(i => i.IncomeType == "REALIZED_PNL").ShouldHaveSingleItem().Amount.ShouldBeLessThan(0m, "bought at the ask, sold at the bid");
    }
}
