using System.Net;
using System.Net.Sockets;
using Shouldly;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Order;

/// <summary>A testnet order with BINANCE_BASE_URL at a port nothing listens on: an <c>error:</c> line and a non-zero exit, never SUBMITTED.</summary>
public sealed class OrderDeadExchangeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A loopback port that was free a moment ago and has no listener now.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task Buy_ExchangeAddressDead_ErrorLineNonZeroExitNeverSubmitted()
    {
        using var dataDir = new TempDirectory();
        await using (var store = await TradingStoreFactory.OpenAsync(null, dataDir.Path, Ct))
            await store.Candles.UpsertAsync(TestCandles.Generate(5), Ct);
        var port = ClosedPort();
        var environment = new Dictionary<string, string?>
        {
            ["TRADING_DATA_DIR"] = dataDir.Path, ["DRY_RUN"] = "false", ["TRADING_MODE"] = "testnet",
            ["BINANCE_API_KEY"] = "k3yK3yK3yK3yK3yK3yK3yK3yK3yK3yK3y", ["BINANCE_API_SECRET"] = "s3cr3tS3cr3tS3cr3tS3cr3tS3cr3t",
            ["BINANCE_BASE_URL"] = $"http://127.0.0.1:{port}", ["BINANCE_WS_URL"] = $"ws://127.0.0.1:{port}",
            ["BINANCE_WS_API_URL"] = $"ws://127.0.0.1:{port}/ws-api/v3",
        };

        var result = await CliProcess.RunAsync(["order", "buy", "--symbol", "BTCUSDT", "--quantity", "0.01"], environment, dataDir.Path, Ct);

        result.ExitCode.ShouldNotBe(0, result.Output);
        result.ErrorLines.Where(l => !l.StartsWith("mode:", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldStartWith("error:");
        result.Output.ShouldNotContain("SUBMITTED");
        result.Error.ShouldNotContain("SUBMITTED");
        result.Error.ShouldNotContain("   at ");
        result.Error.ShouldNotContain("s3cr3t");
    }
}
