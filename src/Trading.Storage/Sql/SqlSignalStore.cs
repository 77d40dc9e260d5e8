using System.Data.Common;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Storage.Sql;

internal sealed class SqlSignalStore(SqlDatabase database) : ISignalStore
{
    private const string Columns = "id, strategy, symbol, side, price, quantity, reason, confidence, created_at, stop_loss, take_profit, bot_id, indicators";

    public async Task SaveAsync(Signal signal, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(signal);
        await using var connection = await database.OpenWriterAsync(ct);
        await Insert(connection, null, signal).RunAsync(ct);
    }

    /// <summary>The insert of one validated signal, ignored when its id is already stored.</summary>
    public static DbCommand Insert(DbConnection connection, DbTransaction? transaction, Signal signal)
    {
        signal.Validate();
        return connection.Sql($"""
            INSERT INTO signals ({Columns})
            VALUES (@id, @strategy, @symbol, @side, @price, @quantity, @reason, @confidence, @created_at, @stop_loss, @take_profit, @bot_id, @indicators)
            ON CONFLICT (id) DO NOTHING
            """, transaction)
            .With("id", signal.Id).With("strategy", signal.Strategy).With("symbol", signal.Symbol.Name)
            .With("side", signal.Side.ToString()).With("price", signal.Price).With("quantity", signal.Quantity)
            .With("reason", signal.Reason).With("confidence", signal.Confidence).WithTime("created_at", signal.CreatedAt)
            .With("stop_loss", signal.StopLoss).With("take_profit", signal.TakeProfit).With("bot_id", signal.BotId)
            .With("indicators", JsonColumns.Write(signal.Indicators));
    }

    public async Task<Signal?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.Sql($"SELECT {Columns} FROM signals WHERE id = @id").With("id", id).FirstOrDefaultAsync(Map, ct);
    }

    public async Task<IReadOnlyList<Signal>> ListAsync(string? strategy = null, int limit = 100, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var filter = strategy is null ? "" : "WHERE strategy = @strategy";
        var command = connection.Sql($"SELECT {Columns} FROM signals {filter} ORDER BY created_at DESC, id DESC LIMIT @limit").With("limit", limit);
        if (strategy is not null) command.With("strategy", strategy);
        return await command.ListAsync(Map, ct);
    }

    private static Signal Map(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        Strategy = r.GetString(1),
        Symbol = new Symbol(r.GetString(2)),
        Side = r.GetEnum<OrderSide>(3),
        Price = r.GetDecimal(4),
        Quantity = r.GetDecimal(5),
        Reason = r.GetString(6),
        Confidence = r.GetInt32(7),
        CreatedAt = r.GetTime(8),
        StopLoss = r.GetNullableDecimal(9),
        TakeProfit = r.GetNullableDecimal(10),
        BotId = r.GetNullableString(11),
        Indicators = JsonColumns.Read<Dictionary<string, double>>(r.GetString(12)),
    };
}
