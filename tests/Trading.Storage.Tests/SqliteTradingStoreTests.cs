namespace Trading.Storage.Tests;

/// <summary>The storage suite on SQLite, one temporary data directory per test.</summary>
public sealed class SqliteTradingStoreTests : TradingStoreSuite
{
    protected override Task<(string? Url, string DataDir)> NewLocationAsync() =>
        Task.FromResult<(string?, string)>((null, Directory.CreateTempSubdirectory("trading-sqlite-").FullName));

    protected override Task DeleteLocationAsync(string? url, string dataDir)
    {
        Directory.Delete(dataDir, recursive: true);
        return Task.CompletedTask;
    }
}
