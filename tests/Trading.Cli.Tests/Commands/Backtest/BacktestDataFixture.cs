using Trading.Core.Storage;
using Trading.Services.Import;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Backtest;

/// <summary>A SQLite data directory holding the real BTCUSDT 1m candles of 2023-01-01..2023-01-03 (4,320 candles).</summary>
public sealed class BacktestDataFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();

    public string DataDir => _directory.Path;

    public async ValueTask InitializeAsync()
    {
        var files = Enumerable.Range(1, 3).Select(d => Path.Combine(RepoPaths.BtcUsdt1mDir, $"BTCUSDT-1m-2023-01-{d:00}.zip")).ToArray();
        await using var store = await TradingStoreFactory.OpenAsync(null, DataDir);
        await new CandleImporter(store.Candles, TimeProvider.System).ImportAsync(files);
    }

    public async Task<IReadOnlyList<BacktestRunRecord>> ListRunsAsync()
    {
        await using var store = await TradingStoreFactory.OpenAsync(null, DataDir);
        return await store.BacktestRuns.ListAsync(1000);
    }

    public ValueTask DisposeAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
