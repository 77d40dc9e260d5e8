using Shouldly;
using Trading.Binance.Futures;
using Trading.Binance.Orders;
using Trading.Core.Model;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Binance;

namespace Trading.Binance.Tests.Futures;

/// <summary>Start-up initialization against the simulator: hedge mode, isolated margin and leverage, idempotent, refusing a symbol that differs.</summary>
public sealed class FuturesSetupTests
{
    private static readonly Symbol Btc = TestCandles.BtcUsdt;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<(TradingHarness Harness, BinanceFuturesClient Client)> StartAsync() => FuturesSimulatorClient.StartAsync();

    [Fact]
    public async Task Apply_FreshAccountThenAgain_SetsEverythingOnceAndTheSecondRunChangesNothing()
    {
        var (h, client) = await StartAsync();
        await using var _ = h;
        FuturesSymbolSettings[] config = [new(Btc, 2)];

        var first = await FuturesSetup.ApplyAsync(client, config, Ct);
        var afterFirst = Counts(h);
        var second = await FuturesSetup.ApplyAsync(client, config, Ct);
        var afterSecond = Counts(h);

        first.ShouldAllBe(s => s.Changed);
        second.ShouldAllBe(s => !s.Changed);
        first.Select(s => (s.Setting, s.Value)).ShouldBe([("position mode", "hedge"), ("BTCUSDT margin type", "ISOLATED"), ("BTCUSDT leverage", "2x")]);
        h.Simulator.Futures.DualSidePosition.ShouldBeTrue();
        h.Simulator.Futures.IsIsolated(Btc).ShouldBeTrue();
        h.Simulator.Futures.Leverage(Btc).ShouldBe(2);
        afterFirst.ShouldBe((3, 1, 1), "GET, POST and (verifying) GET positionSide/dual, POST marginType, POST leverage");
        afterSecond.ShouldBe((5, 1, 1), "the second run only reads the position mode (twice) and sends no change");
    }

    private static (int Dual, int MarginType, int Leverage) Counts(TradingHarness h) =>
        (h.Simulator.Requests.Count("/fapi/v1/positionSide/dual"), h.Simulator.Requests.Count("/fapi/v1/marginType"), h.Simulator.Requests.Count("/fapi/v1/leverage"));

    [Fact]
    public async Task EnsureTradable_LeverageChangedBehindItsBack_RefusesWithTheDifference()
    {
        var (h, client) = await StartAsync();
        await using var _ = h;
        FuturesSymbolSettings[] config = [new(Btc, 2)];
        await FuturesSetup.ApplyAsync(client, config, Ct);
        await client.SetLeverageAsync(Btc, 7, Ct);

        var refused = await Should.ThrowAsync<FuturesSettingsMismatchException>(() => FuturesSetup.EnsureTradableAsync(client, config, Ct));

        refused.Differences.ShouldBe(["BTCUSDT is at 7x, the configuration says 2x"]);
    }

    [Fact]
    public async Task Apply_LeverageAboveTheBracket_RefusedBeforeAnythingChanges()
    {
        var (h, client) = await StartAsync();
        await using var _ = h;

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => FuturesSetup.ApplyAsync(client, [new(Btc, 126)], Ct));

        h.Simulator.Futures.DualSidePosition.ShouldBeFalse();
        h.Simulator.Futures.IsIsolated(Btc).ShouldBeFalse();
        h.Simulator.Futures.Leverage(Btc).ShouldBe(20);
    }

    [Fact]
    public async Task Apply_UnknownFuturesSymbol_RefusedWith1121BeforeAnythingChanges()
    {
        var (h, client) = await StartAsync();
        await using var _ = h;

        var refused = await Should.ThrowAsync<BinanceTradingException>(() => FuturesSetup.ApplyAsync(client, [new(new Symbol("ETHUSDT"), 2)], Ct));

        refused.Code.ShouldBe(-1121);
        h.Simulator.Futures.DualSidePosition.ShouldBeFalse();
    }

    [Theory]
    [InlineData("https://api.binance.com", "https://fapi.binance.com/")]
    [InlineData("https://testnet.binance.vision", "https://testnet.binancefuture.com/")]
    [InlineData("http://127.0.0.1:5123", "http://127.0.0.1:5123/")]
    public void FuturesBaseUrl_SpotBaseUrl_TheUsdmHostOrTheSimulatorItself(string spot, string expected) =>
        FuturesSetup.FuturesBaseUrl(new Uri(spot)).ToString().ShouldBe(expected);
}
