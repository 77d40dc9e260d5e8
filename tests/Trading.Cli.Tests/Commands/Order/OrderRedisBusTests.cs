using Shouldly;
using StackExchange.Redis;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Storage;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Servers;

namespace Trading.Cli.Tests.Commands.Order;

/// <summary>An order command given REDIS_URL publishes its order and fill on the Redis streams, where another process reads them.</summary>
public sealed class OrderRedisBusTests : IDisposable
{
    private readonly TempDirectory _dataDir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Buy_WithRedisUrl_PublishesTheOrderAndFillOnRedisStreams()
    {
        await using var redis = await RedisServer.StartAsync(Ct);
        await SeedPriceAsync(70_000m);
        var environment = new Dictionary<string, string?>
        {
            ["TRADING_DATA_DIR"] = _dataDir.Path, ["DRY_RUN"] = "false", ["TRADING_MODE"] = "paper", ["REDIS_URL"] = redis.Url,
        };

        var buy = await CliProcess.RunAsync(["order", "buy", "--symbol", "BTCUSDT", "--quantity", "0.01"], environment, ct: Ct);

        buy.ExitCode.ShouldBe(0, buy.Error);
        await using var client = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{redis.Port}");
        var db = client.GetDatabase();
        (await db.StreamLengthAsync(StreamNames.Orders)).ShouldBeGreaterThan(0);
        (await db.StreamLengthAsync(StreamNames.Fills)).ShouldBe(1);
    }

    private async Task SeedPriceAsync(decimal price)
    {
        await using var store = await TradingStoreFactory.OpenAsync(null, _dataDir.Path, Ct);
        var minute = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 60_000 * 60_000 - 60_000;
        await store.Candles.UpsertAsync([Candle.Create(new Symbol("BTCUSDT"), Timeframe.M1, minute, price, price, price, price, 1)], Ct);
    }

    public void Dispose() => _dataDir.Dispose();
}
