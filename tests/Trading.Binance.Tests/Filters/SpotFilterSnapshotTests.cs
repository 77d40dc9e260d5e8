using Shouldly;
using Trading.Binance.Filters;
using Trading.Core.Model;

namespace Trading.Binance.Tests.Filters;

public sealed class SpotFilterSnapshotTests
{
    [Fact]
    public void Symbols_BtcAndEth_EqualTheRealRulesTheSimulatorServes()
    {
        SpotFilterSnapshot.Find(new Symbol("BTCUSDT")).ShouldBe(OfflineSymbols.BtcUsdt);
        SpotFilterSnapshot.Find(new Symbol("ETHUSDT")).ShouldBe(OfflineSymbols.EthUsdt);
    }

    [Fact]
    public void Symbols_EveryShippedSymbol_IsTradingWithEveryRuleSet()
    {
        SpotFilterSnapshot.Symbols.Count.ShouldBeGreaterThanOrEqualTo(10);
        foreach (var info in SpotFilterSnapshot.Symbols.Values)
        {
            info.IsTrading.ShouldBeTrue(info.Symbol.Name);
            (info.BaseAsset + info.QuoteAsset).ShouldBe(info.Symbol.Name);
            var f = info.Filters;
            new[] { f.TickSize, f.MinPrice, f.MaxPrice, f.StepSize, f.MinQuantity, f.MaxQuantity, f.MinNotional, f.MaxNotional }
                .ShouldAllBe(v => v > 0m, info.Symbol.Name);
            f.IsOnTick(f.MinPrice).ShouldBeTrue(info.Symbol.Name);
            f.IsOnStep(f.MinQuantity).ShouldBeTrue(info.Symbol.Name);
        }
    }

    [Fact]
    public void Find_SymbolNotShipped_ReturnsNull() => SpotFilterSnapshot.Find(new Symbol("XYZUSDT")).ShouldBeNull();
}
