using System.Data.Common;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Storage.Sql;

internal sealed class SqlSymbolFilterStore(SqlDatabase database) : ISymbolFilterStore
{
    private const string Columns = "symbol, base_asset, quote_asset, status, tick_size, min_price, max_price, "
        + "step_size, min_quantity, max_quantity, min_notional, max_notional, fetched_at";

    public async Task SaveAsync(IReadOnlyCollection<SymbolInfo> symbols, DateTimeOffset fetchedAt, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        await using var connection = await database.OpenWriterAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var info in symbols) await Upsert(connection, transaction, info, fetchedAt).RunAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<StoredSymbolInfo?> GetAsync(Symbol symbol, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.Sql($"SELECT {Columns} FROM symbol_filters WHERE symbol = @symbol")
            .With("symbol", symbol.Name).FirstOrDefaultAsync(Map, ct);
    }

    public async Task<IReadOnlyList<StoredSymbolInfo>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.Sql($"SELECT {Columns} FROM symbol_filters ORDER BY symbol").ListAsync(Map, ct);
    }

    private static DbCommand Upsert(DbConnection connection, DbTransaction transaction, SymbolInfo info, DateTimeOffset fetchedAt)
    {
        var f = info.Filters;
        return connection.Sql($"""
            INSERT INTO symbol_filters ({Columns}) VALUES (@symbol, @base_asset, @quote_asset, @status, @tick_size, @min_price, @max_price,
                @step_size, @min_quantity, @max_quantity, @min_notional, @max_notional, @fetched_at)
            ON CONFLICT (symbol) DO UPDATE SET base_asset = excluded.base_asset, quote_asset = excluded.quote_asset, status = excluded.status,
                tick_size = excluded.tick_size, min_price = excluded.min_price, max_price = excluded.max_price,
                step_size = excluded.step_size, min_quantity = excluded.min_quantity, max_quantity = excluded.max_quantity,
                min_notional = excluded.min_notional, max_notional = excluded.max_notional, fetched_at = excluded.fetched_at
            """, transaction)
            .With("symbol", info.Symbol.Name).With("base_asset", info.BaseAsset).With("quote_asset", info.QuoteAsset).With("status", info.Status)
            .With("tick_size", f.TickSize).With("min_price", f.MinPrice).With("max_price", f.MaxPrice)
            .With("step_size", f.StepSize).With("min_quantity", f.MinQuantity).With("max_quantity", f.MaxQuantity)
            .With("min_notional", f.MinNotional).With("max_notional", f.MaxNotional).WithTime("fetched_at", fetchedAt);
    }

    private static StoredSymbolInfo Map(DbDataReader r) => new(
        new SymbolInfo(new Symbol(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), new SymbolFilters
        {
            TickSize = r.GetDecimal(4), MinPrice = r.GetDecimal(5), MaxPrice = r.GetDecimal(6),
            StepSize = r.GetDecimal(7), MinQuantity = r.GetDecimal(8), MaxQuantity = r.GetDecimal(9),
            MinNotional = r.GetDecimal(10), MaxNotional = r.GetDecimal(11),
        }),
        r.GetTime(12));
}
