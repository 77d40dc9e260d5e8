using System.Net.Sockets;
using Npgsql;
using Shouldly;
using Trading.TestInfrastructure.Servers;

namespace Trading.Storage.Tests.TestServers;

public class PostgresServerTests
{
    [Fact]
    public async Task StartAsync_ThenDispose_ServesOnLoopbackAndLeavesNothingBehind()
    {
        var ct = TestContext.Current.CancellationToken;
        var server = await PostgresServer.StartAsync(ct);
        var root = server.RootDirectory;
        var port = server.Port;

        var connectionString = await server.CreateDatabaseAsync("probe", ct);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT current_setting('fsync') || ' ' || current_setting('listen_addresses')", connection);
            (await command.ExecuteScalarAsync(ct)).ShouldBe("off 127.0.0.1");
        }
        await server.DisposeAsync();

        Directory.Exists(root).ShouldBeFalse();
        using var client = new TcpClient();
        await Should.ThrowAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port, ct).AsTask());
    }
}
