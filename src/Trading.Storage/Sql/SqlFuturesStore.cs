using System.Data.Common;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Storage.Sql;

internal sealed class SqlFuturesStore(SqlDatabase database) : IFuturesStore
{
    private const string OrderColumns = "id, signal_id, bot_id, symbol, side, position_side, reduce_only, type, quantity, leverage, status, "
        + "filled_quantity, average_price, exchange_order_id, reason, created_at, updated_at";
    private const string FillColumns = "id, order_id, bot_id, symbol, side, position_side, price, quantity, fee, realized_pnl, reduce_only, liquidation, leverage, time";
    private const string FundingColumns = "symbol, position_side, time, direction, quantity, mark_price, rate, amount, bot_id";
    private const string PositionColumns = "symbol, position_side, direction, quantity, entry_price, leverage, isolated_margin, mark_price, "
        + "liquidation_price, unrealized_pnl, funding, bot_id, opened_at, updated_at";
    private const string WalletAsset = "USDT";

    public async Task SaveAsync(FuturesBooking booking, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(booking);
        await using var connection = await database.OpenWriterAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var order in booking.Orders) await UpsertOrder(connection, transaction, order).RunAsync(ct);
        foreach (var fill in booking.Fills) await InsertFill(connection, transaction, fill).RunAsync(ct);
        foreach (var payment in booking.Funding) await InsertFunding(connection, transaction, payment).RunAsync(ct);
        foreach (var symbol in booking.Symbols)
            await connection.Sql("DELETE FROM futures_positions WHERE symbol = @symbol", transaction).With("symbol", symbol.Name).RunAsync(ct);
        foreach (var position in booking.Positions) await InsertPosition(connection, transaction, position).RunAsync(ct);
        if (booking.WalletBalance is { } wallet)
        {
            await connection.Sql("""
                INSERT INTO futures_wallet (asset, balance, updated_at) VALUES (@asset, @balance, @at)
                ON CONFLICT (asset) DO UPDATE SET balance = excluded.balance, updated_at = excluded.updated_at
                """, transaction).With("asset", WalletAsset).With("balance", wallet).WithTime("at", booking.Time).RunAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    public async Task<FuturesOrderRecord?> GetOrderAsync(string id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.Sql($"SELECT {OrderColumns} FROM futures_orders WHERE id = @id").With("id", id).FirstOrDefaultAsync(MapOrder, ct);
    }

    public async Task<IReadOnlyList<FuturesOrderRecord>> ListOrdersAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.Sql($"SELECT {OrderColumns} FROM futures_orders ORDER BY created_at, id").ListAsync(MapOrder, ct);
    }

    public async Task<IReadOnlyList<FuturesFillRecord>> ListFillsAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.Sql($"SELECT {FillColumns} FROM futures_fills ORDER BY time, id").ListAsync(r => new FuturesFillRecord
        {
            Id = r.GetString(0), OrderId = r.GetString(1), BotId = r.GetNullableString(2), Symbol = Symbol.Parse(r.GetString(3)),
            Side = r.GetEnum<OrderSide>(4), PositionSide = r.GetEnum<PositionSide>(5), Price = r.GetDecimal(6), Quantity = r.GetDecimal(7),
            Fee = r.GetDecimal(8), RealizedPnl = r.GetDecimal(9), ReduceOnly = r.GetBoolean(10), Liquidation = r.GetBoolean(11),
            Leverage = r.GetInt32(12), Time = r.GetTime(13),
        }, ct);
    }

    public async Task<IReadOnlyList<FundingRecord>> ListFundingAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.Sql($"SELECT {FundingColumns} FROM futures_funding ORDER BY time, symbol, position_side").ListAsync(r => new FundingRecord(
            Symbol.Parse(r.GetString(0)), r.GetEnum<PositionSide>(1), r.GetInt32(3), r.GetTime(2), r.GetDecimal(4), r.GetDecimal(5), r.GetDecimal(6),
            r.GetDecimal(7), r.GetNullableString(8)), ct);
    }

    public async Task<IReadOnlyList<FuturesPositionRecord>> ListPositionsAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.Sql($"SELECT {PositionColumns} FROM futures_positions ORDER BY symbol, position_side").ListAsync(r => new FuturesPositionRecord
        {
            Symbol = Symbol.Parse(r.GetString(0)), PositionSide = r.GetEnum<PositionSide>(1), Direction = r.GetInt32(2), Quantity = r.GetDecimal(3),
            EntryPrice = r.GetDecimal(4), Leverage = r.GetInt32(5), IsolatedMargin = r.GetDecimal(6), MarkPrice = r.GetDecimal(7),
            LiquidationPrice = r.GetDecimal(8), UnrealizedPnl = r.GetDecimal(9), Funding = r.GetDecimal(10), BotId = r.GetNullableString(11),
            OpenedAt = r.GetNullableTime(12), UpdatedAt = r.GetTime(13),
        }, ct);
    }

    public async Task<decimal?> GetWalletBalanceAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.Sql("SELECT balance FROM futures_wallet WHERE asset = @asset").With("asset", WalletAsset)
            .ListAsync(r => r.GetDecimal(0), ct);
        return rows.Count == 0 ? null : rows[0];
    }

    private static FuturesOrderRecord MapOrder(DbDataReader r) => new()
    {
        Id = r.GetString(0), SignalId = r.GetNullableString(1), BotId = r.GetNullableString(2), Symbol = Symbol.Parse(r.GetString(3)),
        Side = r.GetEnum<OrderSide>(4), PositionSide = r.GetEnum<PositionSide>(5), ReduceOnly = r.GetBoolean(6), Type = r.GetEnum<OrderType>(7),
        Quantity = r.GetDecimal(8), Leverage = r.GetInt32(9), Status = r.GetEnum<OrderStatus>(10), FilledQuantity = r.GetDecimal(11),
        AveragePrice = r.GetDecimal(12), ExchangeOrderId = r.GetNullableString(13), Reason = r.GetNullableString(14), CreatedAt = r.GetTime(15),
        UpdatedAt = r.GetTime(16),
    };

    private static DbCommand UpsertOrder(DbConnection connection, DbTransaction transaction, FuturesOrderRecord o) =>
        connection.Sql($"""
            INSERT INTO futures_orders ({OrderColumns}) VALUES (@id, @signal_id, @bot_id, @symbol, @side, @position_side, @reduce_only, @type,
                @quantity, @leverage, @status, @filled_quantity, @average_price, @exchange_order_id, @reason, @created_at, @updated_at)
            ON CONFLICT (id) DO UPDATE SET status = excluded.status, filled_quantity = excluded.filled_quantity,
                average_price = excluded.average_price, exchange_order_id = excluded.exchange_order_id, reason = excluded.reason,
                updated_at = excluded.updated_at
            """, transaction)
            .With("id", o.Id).With("signal_id", o.SignalId).With("bot_id", o.BotId).With("symbol", o.Symbol.Name).With("side", o.Side.ToString())
            .With("position_side", o.PositionSide.ToString()).With("reduce_only", o.ReduceOnly).With("type", o.Type.ToString())
            .With("quantity", o.Quantity).With("leverage", o.Leverage).With("status", o.Status.ToString()).With("filled_quantity", o.FilledQuantity)
            .With("average_price", o.AveragePrice).With("exchange_order_id", o.ExchangeOrderId).With("reason", o.Reason)
            .WithTime("created_at", o.CreatedAt).WithTime("updated_at", o.UpdatedAt);

    private static DbCommand InsertFill(DbConnection connection, DbTransaction transaction, FuturesFillRecord f) =>
        connection.Sql($"""
            INSERT INTO futures_fills ({FillColumns}) VALUES (@id, @order_id, @bot_id, @symbol, @side, @position_side, @price, @quantity, @fee,
                @realized_pnl, @reduce_only, @liquidation, @leverage, @time)
            ON CONFLICT (id) DO NOTHING
            """, transaction)
            .With("id", f.Id).With("order_id", f.OrderId).With("bot_id", f.BotId).With("symbol", f.Symbol.Name).With("side", f.Side.ToString())
            .With("position_side", f.PositionSide.ToString()).With("price", f.Price).With("quantity", f.Quantity).With("fee", f.Fee)
            .With("realized_pnl", f.RealizedPnl).With("reduce_only", f.ReduceOnly).With("liquidation", f.Liquidation).With("leverage", f.Leverage)
            .WithTime("time", f.Time);

    private static DbCommand InsertFunding(DbConnection connection, DbTransaction transaction, FundingRecord p) =>
        connection.Sql($"""
            INSERT INTO futures_funding ({FundingColumns}) VALUES (@symbol, @position_side, @time, @direction, @quantity, @mark_price, @rate, @amount, @bot_id)
            ON CONFLICT (symbol, position_side, time) DO NOTHING
            """, transaction)
            .With("symbol", p.Symbol.Name).With("position_side", p.PositionSide.ToString()).WithTime("time", p.Time).With("direction", p.Direction)
            .With("quantity", p.Quantity).With("mark_price", p.MarkPrice).With("rate", p.Rate).With("amount", p.Amount).With("bot_id", p.BotId);

    private static DbCommand InsertPosition(DbConnection connection, DbTransaction transaction, FuturesPositionRecord p) =>
        connection.Sql($"""
            INSERT INTO futures_positions ({PositionColumns}) VALUES (@symbol, @position_side, @direction, @quantity, @entry_price, @leverage,
                @isolated_margin, @mark_price, @liquidation_price, @unrealized_pnl, @funding, @bot_id, @opened_at, @updated_at)
            """, transaction)
            .With("symbol", p.Symbol.Name).With("position_side", p.PositionSide.ToString()).With("direction", p.Direction).With("quantity", p.Quantity)
            .With("entry_price", p.EntryPrice).With("leverage", p.Leverage).With("isolated_margin", p.IsolatedMargin).With("mark_price", p.MarkPrice)
            .With("liquidation_price", p.LiquidationPrice).With("unrealized_pnl", p.UnrealizedPnl).With("funding", p.Funding).With("bot_id", p.BotId)
            .WithTime("opened_at", p.OpenedAt).WithTime("updated_at", p.UpdatedAt);
}
