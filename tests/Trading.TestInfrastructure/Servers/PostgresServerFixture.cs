using Xunit;

namespace Trading.TestInfrastructure.Servers;

/// <summary>
/// xunit assembly or collection fixture owning one real PostgreSQL server for the test run.
/// Use <see cref="CreateDatabaseAsync"/> for a fresh database per test class.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private PostgresServer? server;

    public PostgresServer Server => server ?? throw new InvalidOperationException("The PostgreSQL fixture has not started.");

    public Task<string> CreateDatabaseAsync(string prefix = "test") => Server.CreateDatabaseAsync(prefix);

    public async ValueTask InitializeAsync() => server = await PostgresServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
    }
}
