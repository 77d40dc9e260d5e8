using System.Data.Common;
using Trading.Core.Storage;

namespace Trading.Storage.Sql;

internal sealed class SqlBacktestRunStore(SqlDatabase database) : IBacktestRunStore
{
    private const string SummaryColumns = "id, kind, strategy, symbol, timeframe, from_ms, to_ms, created_at, parameters, statistics";

    public async Task SaveAsync(BacktestRunRecord run, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var connection = await database.OpenWriterAsync(ct);
        await connection.Sql($"""
            INSERT INTO backtest_runs ({SummaryColumns}, trades, equity)
            VALUES (@id, @kind, @strategy, @symbol, @timeframe, @from_ms, @to_ms, @created_at, @parameters, @statistics, @trades, @equity)
            ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, strategy = excluded.strategy, symbol = excluded.symbol,
                timeframe = excluded.timeframe, from_ms = excluded.from_ms, to_ms = excluded.to_ms, created_at = excluded.created_at,
                parameters = excluded.parameters, statistics = excluded.statistics, trades = excluded.trades, equity = excluded.equity
            """)
            .With("id", run.Id).With("kind", run.Kind).With("strategy", run.Strategy).With("symbol", run.Symbol)
            .With("timeframe", run.Timeframe).With("from_ms", run.FromMs).With("to_ms", run.ToMs).WithTime("created_at", run.CreatedAt)
            .With("parameters", run.ParametersJson).With("statistics", run.StatisticsJson).With("trades", run.TradesJson)
            .With("equity", run.EquityJson)
            .RunAsync(ct);
    }

    public async Task<BacktestRunRecord?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.Sql($"SELECT {SummaryColumns}, trades, equity FROM backtest_runs WHERE id = @id")
            .With("id", id).FirstOrDefaultAsync(MapFull, ct);
    }

    public async Task<BacktestRunRecord?> GetLatestAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.Sql($"SELECT {SummaryColumns}, trades, equity FROM backtest_runs ORDER BY created_at DESC, id DESC LIMIT 1")
            .FirstOrDefaultAsync(MapFull, ct);
    }

    public async Task<IReadOnlyList<BacktestRunRecord>> ListAsync(int limit = 50, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.Sql($"SELECT {SummaryColumns} FROM backtest_runs ORDER BY created_at DESC, id DESC LIMIT @limit")
            .With("limit", limit).ListAsync(MapSummary, ct);
    }

    private static BacktestRunRecord MapFull(DbDataReader r) =>
        MapSummary(r) with { TradesJson = r.GetString(10), EquityJson = r.GetString(11) };

    private static BacktestRunRecord MapSummary(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        Kind = r.GetString(1),
        Strategy = r.GetString(2),
        Symbol = r.GetString(3),
        Timeframe = r.GetString(4),
        FromMs = r.GetInt64(5),
        ToMs = r.GetInt64(6),
        CreatedAt = r.GetTime(7),
        ParametersJson = r.GetString(8),
        StatisticsJson = r.GetString(9),
    };
}
