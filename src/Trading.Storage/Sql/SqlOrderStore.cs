using System.Data.Common;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Storage.Sql;

internal sealed class SqlOrderStore(SqlDatabase database) : IOrderStore
{
    private const string Columns = "id, client_order_id, signal_id, exchange_order_id, symbol, side, type, price, quantity, status, " +
        "filled_quantity, average_fill_price, fees, fee_asset, bot_id, created_at, updated_at, filled_at";

    private const string FillColumns = "id, order_id, symbol, side, price, quantity, fee, fee_asset, is_maker, time";

    // Mirrors Order.IsOpen.
    private static readonly string OpenStatuses = string.Join(", ",
        new[] { OrderStatus.Created, OrderStatus.Submitted, OrderStatus.New, OrderStatus.PartiallyFilled, OrderStatus.PendingCancel }.Select(s => $"'{s}'"));

    public async Task SaveAsync(Order order, OrderEvent? transition = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        await using var connection = await database.OpenWriterAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await WriteAsync(connection, transaction, order, transition, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Upserts the order snapshot and appends its transition inside the caller's transaction.</summary>
    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, Order order, OrderEvent? transition, CancellationToken ct)
    {
        await connection.Sql($"""
            INSERT INTO orders ({Columns})
            VALUES (@id, @client_order_id, @signal_id, @exchange_order_id, @symbol, @side, @type, @price, @quantity, @status,
                    @filled_quantity, @average_fill_price, @fees, @fee_asset, @bot_id, @created_at, @updated_at, @filled_at)
            ON CONFLICT (id) DO UPDATE SET client_order_id = excluded.client_order_id, signal_id = excluded.signal_id,
                exchange_order_id = excluded.exchange_order_id, symbol = excluded.symbol, side = excluded.side, type = excluded.type,
                price = excluded.price, quantity = excluded.quantity, status = excluded.status, filled_quantity = excluded.filled_quantity,
                average_fill_price = excluded.average_fill_price, fees = excluded.fees, fee_asset = excluded.fee_asset,
                bot_id = excluded.bot_id, created_at = excluded.created_at, updated_at = excluded.updated_at, filled_at = excluded.filled_at
            """, transaction)
            .With("id", order.Id).With("client_order_id", order.ClientOrderId).With("signal_id", order.SignalId)
            .With("exchange_order_id", order.ExchangeOrderId).With("symbol", order.Symbol.Name).With("side", order.Side.ToString())
            .With("type", order.Type.ToString()).With("price", order.Price).With("quantity", order.Quantity)
            .With("status", order.Status.ToString()).With("filled_quantity", order.FilledQuantity)
            .With("average_fill_price", order.AverageFillPrice).With("fees", order.Fees).With("fee_asset", order.FeeAsset)
            .With("bot_id", order.BotId).WithTime("created_at", order.CreatedAt).WithTime("updated_at", order.UpdatedAt)
            .WithTime("filled_at", order.FilledAt)
            .RunAsync(ct);
        if (transition is not null)
        {
            await connection.Sql("""
                INSERT INTO order_events (order_id, from_status, to_status, time, cause) VALUES (@order_id, @from, @to, @time, @cause)
                ON CONFLICT (order_id, from_status, to_status, time) DO NOTHING
                """, transaction)
                .With("order_id", transition.OrderId).With("from", transition.From.ToString()).With("to", transition.To.ToString())
                .WithTime("time", transition.Time).With("cause", transition.Cause)
                .RunAsync(ct);
        }
    }

    public Task<Order?> GetAsync(string id, CancellationToken ct = default) => GetOneAsync("id", id, ct);

    public Task<Order?> GetByClientOrderIdAsync(string clientOrderId, CancellationToken ct = default) =>
        GetOneAsync("client_order_id", clientOrderId, ct);

    public async Task<IReadOnlyList<Order>> ListAsync(bool openOnly = false, int limit = 100, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var filter = openOnly ? $"WHERE status IN ({OpenStatuses})" : "";
        return await connection.Sql($"SELECT {Columns} FROM orders {filter} ORDER BY created_at DESC, id DESC LIMIT @limit")
            .With("limit", limit).ListAsync(MapOrder, ct);
    }

    public async Task<IReadOnlyList<OrderEvent>> GetEventsAsync(string orderId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.Sql("SELECT order_id, from_status, to_status, time, cause FROM order_events WHERE order_id = @id ORDER BY id")
            .With("id", orderId)
            .ListAsync(r => new OrderEvent(r.GetString(0), r.GetEnum<OrderStatus>(1), r.GetEnum<OrderStatus>(2), r.GetTime(3), r.GetString(4)), ct);
    }

    public async Task<bool> SaveFillAsync(Fill fill, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fill);
        await using var connection = await database.OpenWriterAsync(ct);
        return await InsertFillAsync(connection, null, fill, ct);
    }

    public async Task<bool> SaveFillAsync(Fill fill, Order order, OrderEvent? transition, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fill);
        ArgumentNullException.ThrowIfNull(order);
        await using var connection = await database.OpenWriterAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (!await InsertFillAsync(connection, transaction, fill, ct)) return false;
        await WriteAsync(connection, transaction, order, transition, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private static async Task<bool> InsertFillAsync(DbConnection connection, DbTransaction? transaction, Fill fill, CancellationToken ct)
    {
        var inserted = await connection.Sql($"""
            INSERT INTO fills ({FillColumns}, seq)
            VALUES (@id, @order_id, @symbol, @side, @price, @quantity, @fee, @fee_asset, @is_maker, @time,
                    (SELECT COALESCE(MAX(seq), 0) + 1 FROM fills))
            ON CONFLICT (id) DO NOTHING
            """, transaction)
            .With("id", fill.Id).With("order_id", fill.OrderId).With("symbol", fill.Symbol.Name).With("side", fill.Side.ToString())
            .With("price", fill.Price).With("quantity", fill.Quantity).With("fee", fill.Fee).With("fee_asset", fill.FeeAsset)
            .With("is_maker", fill.IsMaker).WithTime("time", fill.Time)
            .RunAsync(ct);
        return inserted == 1;
    }

    public async Task<IReadOnlyList<BookedFill>> GetFillsBookedAfterAsync(long? afterSequence, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var command = afterSequence is { } after
            ? connection.Sql($"SELECT {FillColumns}, seq FROM fills WHERE seq > @after ORDER BY seq").With("after", after)
            : connection.Sql($"SELECT {FillColumns}, COALESCE(seq, 0) FROM fills ORDER BY COALESCE(seq, 0), time, id");
        return await command.ListAsync(r => new BookedFill(r.GetInt64(10), MapFill(r)), ct);
    }

    public async Task<IReadOnlyList<Fill>> GetFillsAsync(string? orderId = null, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var command = connection.Sql($"SELECT {FillColumns} FROM fills {(orderId is null ? "" : "WHERE order_id = @order_id")} ORDER BY time, id");
        if (orderId is not null) command.With("order_id", orderId);
        return await command.ListAsync(MapFill, ct);
    }

    private async Task<Order?> GetOneAsync(string column, string value, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.Sql($"SELECT {Columns} FROM orders WHERE {column} = @value").With("value", value).FirstOrDefaultAsync(MapOrder, ct);
    }

    private static Order MapOrder(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        ClientOrderId = r.GetString(1),
        SignalId = r.GetNullableString(2),
        ExchangeOrderId = r.GetNullableString(3),
        Symbol = new Symbol(r.GetString(4)),
        Side = r.GetEnum<OrderSide>(5),
        Type = r.GetEnum<OrderType>(6),
        Price = r.GetNullableDecimal(7),
        Quantity = r.GetDecimal(8),
        Status = r.GetEnum<OrderStatus>(9),
        FilledQuantity = r.GetDecimal(10),
        AverageFillPrice = r.GetDecimal(11),
        Fees = r.GetDecimal(12),
        FeeAsset = r.GetNullableString(13),
        BotId = r.GetNullableString(14),
        CreatedAt = r.GetTime(15),
        UpdatedAt = r.GetTime(16),
        FilledAt = r.GetNullableTime(17),
    };

    private static Fill MapFill(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        OrderId = r.GetString(1),
        Symbol = new Symbol(r.GetString(2)),
        Side = r.GetEnum<OrderSide>(3),
        Price = r.GetDecimal(4),
        Quantity = r.GetDecimal(5),
        Fee = r.GetDecimal(6),
        FeeAsset = r.GetString(7),
        IsMaker = r.GetBoolean(8),
        Time = r.GetTime(9),
    };
}
