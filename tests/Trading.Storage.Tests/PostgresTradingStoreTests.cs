using Trading.TestInfrastructure.Servers;

[assembly: AssemblyFixture(typeof(PostgresServerFixture))]

namespace Trading.Storage.Tests;

/// <summary>The storage suite on a real PostgreSQL server, one fresh database per test.</summary>
public sealed class PostgresTradingStoreTests(PostgresServerFixture postgres) : TradingStoreSuite
{
    protected override async Task<(string? Url, string DataDir)> NewLocationAsync() =>
        (await postgres.CreateDatabaseAsync("store"), "/nonexistent-unused-by-postgres");

    protected override Task DeleteLocationAsync(string? url, string dataDir) => Task.CompletedTask;
}
