using Xunit;

namespace Trading.TestInfrastructure.Servers;

/// <summary>xunit assembly or collection fixture owning one real redis-server for the test run.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private RedisServer? server;

    public RedisServer Server => server ?? throw new InvalidOperationException("The Redis fixture has not started.");

    public string Url => Server.Url;

    public int Port => Server.Port;

    public async ValueTask InitializeAsync() => server = await RedisServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
    }
}
