using System.Net.Sockets;
using System.Text;
using Shouldly;
using Trading.TestInfrastructure.Servers;

namespace Trading.Messaging.Tests;

public class RedisServerTests
{
    [Fact]
    public async Task StartAsync_ThenDispose_AnswersCommandsWithoutPersistenceAndStops()
    {
        var ct = TestContext.Current.CancellationToken;
        var server = await RedisServer.StartAsync(ct);
        var port = server.Port;

        using (var client = new TcpClient())
        {
            await client.ConnectAsync("127.0.0.1", port, ct);
            var stream = client.GetStream();
            await stream.WriteAsync("SET k v\r\nGET k\r\nCONFIG GET save\r\nPING\r\n"u8.ToArray(), ct);
            var reply = await ReadUntilPongAsync(stream, ct);
            reply.ShouldStartWith("+OK\r\n$1\r\nv\r\n");
            reply.ShouldContain("*2\r\n$4\r\nsave\r\n$0\r\n\r\n");
        }
        server.Url.ShouldBe($"redis://127.0.0.1:{port}");
        await server.DisposeAsync();

        using var after = new TcpClient();
        await Should.ThrowAsync<SocketException>(() => after.ConnectAsync("127.0.0.1", port, ct).AsTask());
    }

    private static async Task<string> ReadUntilPongAsync(NetworkStream stream, CancellationToken ct)
    {
        var text = new StringBuilder();
        var buffer = new byte[256];
        while (!text.ToString().EndsWith("+PONG\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, ct);
            if (read == 0) break;
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        return text.ToString();
    }
}
