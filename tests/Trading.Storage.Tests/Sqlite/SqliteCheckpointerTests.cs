using Shouldly;
using Trading.Core.Model;
using Trading.TestInfrastructure;

namespace Trading.Storage.Tests.Sqlite;

/// <summary>
/// Commits leave checkpoints to a background task (pooled connections set wal_autocheckpoint = 0): writes still reach the
/// database file soon after, while far fewer frames than SQLite's own 1000-page threshold are in the WAL.
/// </summary>
public sealed class SqliteCheckpointerTests : IDisposable
{
    private readonly string dataDir = Directory.CreateTempSubdirectory("trading-sqlite-checkpoint-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveAsync_SmallWrites_ReachTheDatabaseFileWithoutWaitingForTheWalThreshold()
    {
        await using var store = await TradingStoreFactory.OpenAsync(null, dataDir, Ct);
        var file = new FileInfo(Path.Combine(dataDir, TradingStoreFactory.SqliteFileName));
        var before = file.Length;

        for (var i = 0; i < 300; i++)
        {
            await store.Signals.SaveAsync(new Signal
            {
                Id = $"s{i}", Strategy = "checkpoint", Symbol = new Symbol("BTCUSDT"), Side = OrderSide.Buy, Price = 42_000m,
                Quantity = 0.001m, CreatedAt = DateTimeOffset.UnixEpoch.AddMinutes(i), Reason = new string('x', 200),
            }, Ct);
        }

        await TestWait.UntilAsync(() => { file.Refresh(); return file.Length > before; }, TimeSpan.FromSeconds(10), Ct);
        (await store.Signals.ListAsync("checkpoint", 1000, Ct)).Count.ShouldBe(300);
    }

    public void Dispose() => Directory.Delete(dataDir, recursive: true);
}
