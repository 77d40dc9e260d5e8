using System.Data.Common;
using Trading.Core.Storage;

namespace Trading.Storage.Sql;

internal sealed class SqlBotStore(SqlDatabase database) : IBotStore
{
    private const string Columns = "id, strategy, symbols, timeframe, parameters, sizing, sizing_value, enabled, status";

    public async Task SaveAsync(BotDefinition bot, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(bot);
        await using var connection = await database.OpenWriterAsync(ct);
        await connection.Sql($"""
            INSERT INTO bots ({Columns}) VALUES (@id, @strategy, @symbols, @timeframe, @parameters, @sizing, @sizing_value, @enabled, @status)
            ON CONFLICT (id) DO UPDATE SET strategy = excluded.strategy, symbols = excluded.symbols, timeframe = excluded.timeframe,
                parameters = excluded.parameters, sizing = excluded.sizing, sizing_value = excluded.sizing_value,
                enabled = excluded.enabled, status = excluded.status
            """)
            .With("id", bot.Id).With("strategy", bot.Strategy).With("symbols", JsonColumns.Write(bot.Symbols))
            .With("timeframe", bot.Timeframe).With("parameters", JsonColumns.Write(bot.Parameters)).With("sizing", bot.Sizing)
            .With("sizing_value", bot.SizingValue).With("enabled", bot.Enabled).With("status", bot.Status)
            .RunAsync(ct);
    }

    public async Task<BotDefinition?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.Sql($"SELECT {Columns} FROM bots WHERE id = @id").With("id", id).FirstOrDefaultAsync(Map, ct);
    }

    public async Task<IReadOnlyList<BotDefinition>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.Sql($"SELECT {Columns} FROM bots ORDER BY id").ListAsync(Map, ct);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenWriterAsync(ct);
        return await connection.Sql("DELETE FROM bots WHERE id = @id").With("id", id).RunAsync(ct) > 0;
    }

    private static BotDefinition Map(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        Strategy = r.GetString(1),
        Symbols = JsonColumns.Read<List<string>>(r.GetString(2)),
        Timeframe = r.GetString(3),
        Parameters = JsonColumns.Read<Dictionary<string, string>>(r.GetString(4)),
        Sizing = r.GetString(5),
        SizingValue = r.GetDecimal(6),
        Enabled = r.GetBoolean(7),
        Status = r.GetString(8),
    };
}
