using System.Data.Common;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Storage.Sql;

internal sealed class SqlPortfolioStore(SqlDatabase database) : IPortfolioStore
{
    private const string SnapshotColumns = "time, equity, cash, positions_value, realized_pnl, unrealized_pnl, daily_pnl, drawdown, bot_id";

    public async Task SavePositionAsync(Position position, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(position);
        await using var connection = await database.OpenWriterAsync(ct);
        await UpsertPosition(connection, null, position).RunAsync(ct);
    }

    public async Task SaveHoldingsAsync(IReadOnlyList<(string Asset, decimal Free, decimal Locked)> balances, IReadOnlyList<Position> positions,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(balances);
        ArgumentNullException.ThrowIfNull(positions);
        await using var connection = await database.OpenWriterAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var now = DateTimeOffset.UtcNow;
        foreach (var (asset, free, locked) in balances) await UpsertBalance(connection, transaction, asset, free, locked, now).RunAsync(ct);
        foreach (var position in positions) await UpsertPosition(connection, transaction, position).RunAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static DbCommand UpsertPosition(DbConnection connection, DbTransaction? transaction, Position position) =>
        connection.Sql("""
            INSERT INTO positions (symbol, quantity, average_entry_price, current_price, realized_pnl, fees_paid, opened_at, updated_at)
            VALUES (@symbol, @quantity, @average_entry_price, @current_price, @realized_pnl, @fees_paid, @opened_at, @updated_at)
            ON CONFLICT (symbol) DO UPDATE SET quantity = excluded.quantity, average_entry_price = excluded.average_entry_price,
                current_price = excluded.current_price, realized_pnl = excluded.realized_pnl, fees_paid = excluded.fees_paid,
                opened_at = excluded.opened_at, updated_at = excluded.updated_at
            """, transaction)
            .With("symbol", position.Symbol.Name).With("quantity", position.Quantity).With("average_entry_price", position.AverageEntryPrice)
            .With("current_price", position.CurrentPrice).With("realized_pnl", position.RealizedPnl).With("fees_paid", position.FeesPaid)
            .WithTime("opened_at", position.OpenedAt).WithTime("updated_at", position.UpdatedAt);

    public async Task<IReadOnlyList<Position>> ListPositionsAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.Sql("""
            SELECT symbol, quantity, average_entry_price, current_price, realized_pnl, fees_paid, opened_at, updated_at
            FROM positions ORDER BY symbol
            """)
            .ListAsync(r => new Position
            {
                Symbol = new Symbol(r.GetString(0)),
                Quantity = r.GetDecimal(1),
                AverageEntryPrice = r.GetDecimal(2),
                CurrentPrice = r.GetDecimal(3),
                RealizedPnl = r.GetDecimal(4),
                FeesPaid = r.GetDecimal(5),
                OpenedAt = r.GetNullableTime(6),
                UpdatedAt = r.GetTime(7),
            }, ct);
    }

    public async Task SaveBalanceAsync(string asset, decimal free, decimal locked, CancellationToken ct = default)
    {
        await using var connection = await database.OpenWriterAsync(ct);
        await UpsertBalance(connection, null, asset, free, locked, DateTimeOffset.UtcNow).RunAsync(ct);
    }

    private static DbCommand UpsertBalance(DbConnection connection, DbTransaction? transaction, string asset, decimal free, decimal locked, DateTimeOffset now) =>
        connection.Sql("""
            INSERT INTO balances (asset, free, locked, updated_at) VALUES (@asset, @free, @locked, @updated_at)
            ON CONFLICT (asset) DO UPDATE SET free = excluded.free, locked = excluded.locked, updated_at = excluded.updated_at
            """, transaction)
            .With("asset", asset).With("free", free).With("locked", locked).WithTime("updated_at", now);

    public async Task<IReadOnlyDictionary<string, (decimal Free, decimal Locked)>> GetBalancesAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.Sql("SELECT asset, free, locked FROM balances ORDER BY asset")
            .ListAsync(r => (Asset: r.GetString(0), Free: r.GetDecimal(1), Locked: r.GetDecimal(2)), ct);
        return rows.ToDictionary(r => r.Asset, r => (r.Free, r.Locked));
    }

    public async Task SaveSnapshotAsync(PortfolioSnapshot snapshot, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var connection = await database.OpenWriterAsync(ct);
        await connection.Sql($"""
            INSERT INTO portfolio_snapshots ({SnapshotColumns})
            VALUES (@time, @equity, @cash, @positions_value, @realized_pnl, @unrealized_pnl, @daily_pnl, @drawdown, @bot_id)
            """)
            .WithTime("time", snapshot.Time).With("equity", snapshot.Equity).With("cash", snapshot.Cash)
            .With("positions_value", snapshot.PositionsValue).With("realized_pnl", snapshot.RealizedPnl)
            .With("unrealized_pnl", snapshot.UnrealizedPnl).With("daily_pnl", snapshot.DailyPnl).With("drawdown", snapshot.Drawdown)
            .With("bot_id", snapshot.BotId)
            .RunAsync(ct);
    }

    public async Task<IReadOnlyList<PortfolioSnapshot>> ListSnapshotsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.Sql($"SELECT {SnapshotColumns} FROM portfolio_snapshots WHERE time >= @from AND time <= @to ORDER BY time, id")
            .WithTime("from", from).WithTime("to", to)
            .ListAsync(MapSnapshot, ct);
    }

    private static PortfolioSnapshot MapSnapshot(DbDataReader r) => new()
    {
        Time = r.GetTime(0),
        Equity = r.GetDecimal(1),
        Cash = r.GetDecimal(2),
        PositionsValue = r.GetDecimal(3),
        RealizedPnl = r.GetDecimal(4),
        UnrealizedPnl = r.GetDecimal(5),
        DailyPnl = r.GetDecimal(6),
        Drawdown = r.GetDecimal(7),
        BotId = r.GetNullableString(8),
    };
}
