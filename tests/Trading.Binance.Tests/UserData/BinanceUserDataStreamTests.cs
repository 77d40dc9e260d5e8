using Shouldly;
using Trading.Binance.Orders;
using Trading.Binance.UserData;
using Trading.Core.Model;
using Trading.TestInfrastructure;
using static Trading.TestInfrastructure.Binance.TradingHarness;

using Trading.TestInfrastructure.Binance;

namespace Trading.Binance.Tests.UserData;

/// <summary>The user data stream client against the simulator's WebSocket API on loopback.</summary>
public sealed class BinanceUserDataStreamTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<T> NextAsync<T>(IBinanceUserDataStream stream) where T : UserDataUpdate
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            var update = await stream.Updates.ReadAsync(timeout.Token);
            if (update is T wanted) return wanted;
        }
    }

    [Fact]
    public async Task Updates_MarketBuy_GiveNewThenTradeWithCommissionThenBalances()
    {
        await using var h = await StartAsync();
        var stream = h.NewUserDataStream();
        await stream.StartAsync(Ct);

        var placement = await h.Client.PlaceOrderAsync(Market(OrderSide.Buy, 0.01m, "sig-ws"), Ct);
        var created = await NextAsync<OrderUpdate>(stream);
        var trade = await NextAsync<OrderUpdate>(stream);
        var balances = await NextAsync<AccountPositionUpdate>(stream);

        stream.IsSubscribed.ShouldBeTrue();
        created.ExecutionType.ShouldBe("NEW");
        created.Status.ShouldBe(OrderStatus.New);
        trade.ExecutionType.ShouldBe("TRADE");
        trade.Status.ShouldBe(OrderStatus.Filled);
        trade.ClientOrderId.ShouldBe("sig-ws");
        trade.OrderId.ShouldBe(placement.Order!.OrderId);
        trade.LastFill.ShouldBe(placement.Order.Fills.Single() with { IsMaker = false });
        trade.CumulativeQuantity.ShouldBe(0.01m);
        balances.Balances.ShouldContain(new AssetBalance("BTC", 0.00999m, 0m));
        balances.Balances.Single(b => b.Asset == "USDT").Free.ShouldBe(h.Exchange.Balance("USDT").Free);
    }

    [Fact]
    public async Task Updates_CancelAndDeposit_GiveCancelledOrderWithItsOwnIdAndBalanceDelta()
    {
        await using var h = await StartAsync();
        var stream = h.NewUserDataStream();
        await stream.StartAsync(Ct);

        await h.Client.PlaceOrderAsync(Limit(OrderSide.Buy, 0.01m, 30_000m, "rest"), Ct);
        await h.Client.CancelOrderAsync(TestCandles.BtcUsdt, "rest", Ct);
        await h.Exchange.DepositAsync("ETH", 2.5m, Ct);

        var cancelled = await NextCancelledAsync(stream);
        var deposit = await NextAsync<BalanceDelta>(stream);

        cancelled.ClientOrderId.ShouldBe("rest");
        cancelled.CancelClientOrderId.ShouldNotBeNull().ShouldNotBe("rest");
        cancelled.Status.ShouldBe(OrderStatus.Cancelled);
        deposit.Asset.ShouldBe("ETH");
        deposit.Delta.ShouldBe(2.5m);
    }

    [Fact]
    public async Task Updates_StreamDropped_ReconnectsResubscribesAndNotifies()
    {
        await using var h = await StartAsync();
        var stream = h.NewUserDataStream();
        await stream.StartAsync(Ct);

        h.Exchange.DropUserDataStreams();
        var lost = await NextAsync<UserDataDisconnected>(stream);
        var back = await NextAsync<UserDataReconnected>(stream);
        await h.Client.PlaceOrderAsync(Market(OrderSide.Buy, 0.01m, "after-drop"), Ct);
        var trade = await NextAsync<OrderUpdate>(stream);

        lost.Cause.ShouldNotBeNullOrWhiteSpace();
        back.Reconnects.ShouldBe(1);
        trade.ClientOrderId.ShouldBe("after-drop");
        h.Exchange.TotalUserDataSubscriptions.ShouldBe(2);
        h.Exchange.UserDataSubscriptions.ShouldBe(1);
    }

    [Fact]
    public async Task Updates_EventStreamTerminated_ResubscribesAndNotifies()
    {
        await using var h = await StartAsync();
        var stream = h.NewUserDataStream();
        await stream.StartAsync(Ct);

        await h.Exchange.TerminateUserDataStreamsAsync(Ct);
        var lost = await NextAsync<UserDataDisconnected>(stream);
        var back = await NextAsync<UserDataReconnected>(stream);

        lost.Cause.ShouldBe("eventStreamTerminated");
        back.Reconnects.ShouldBe(1);
        h.Exchange.TotalUserDataSubscriptions.ShouldBe(2);
    }

    [Fact]
    public async Task StartAsync_SkewedLocalClockSharedWithSyncedClient_Subscribes()
    {
        await using var h = await StartAsync();
        var client = h.NewClient(clock: new BinanceServerClock(new SkewedTimeProvider(TimeSpan.FromMinutes(-5))));
        await client.SyncClockAsync(Ct);
        var stream = h.NewUserDataStream(clock: client.Clock);

        await stream.StartAsync(Ct);

        stream.IsSubscribed.ShouldBeTrue();
        h.Exchange.UserDataSubscriptions.ShouldBe(1);
    }

    [Fact]
    public async Task StartAsync_WrongSecret_FailsWithInvalidSignatureAndStops()
    {
        await using var h = await StartAsync();
        var stream = h.NewUserDataStream(new BinanceCredentials(TestCredentials.ApiKey, "not-the-secret"));

        var error = await Should.ThrowAsync<BinanceTradingException>(() => stream.StartAsync(Ct));

        error.Kind.ShouldBe(BinanceErrorKind.InvalidSignature);
        error.Message.ShouldNotContain("not-the-secret");
        h.Exchange.TotalUserDataSubscriptions.ShouldBe(0);
    }

    private static async Task<OrderUpdate> NextCancelledAsync(IBinanceUserDataStream stream)
    {
        while (true)
        {
            var update = await NextAsync<OrderUpdate>(stream);
            if (update.ExecutionType == "CANCELED") return update;
        }
    }
}
