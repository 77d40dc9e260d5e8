using System.Data.Common;
using Trading.Core.Futures;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Storage.Sql;

internal sealed class SqlFundingRateStore(SqlDatabase database) : IFundingRateStore
{
    public async Task<long> UpsertAsync(Symbol symbol, IReadOnlyCollection<FundingSettlement> settlements, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settlements);
        await using var connection = await database.OpenWriterAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var settlement in settlements)
        {
            await connection.Sql("""
                INSERT INTO funding_rates (symbol, funding_time, interval_hours, rate) VALUES (@symbol, @time, @hours, @rate)
                ON CONFLICT (symbol, funding_time) DO UPDATE SET interval_hours = excluded.interval_hours, rate = excluded.rate
                """, transaction)
                .With("symbol", symbol.Name).With("time", settlement.TimeMs).With("hours", settlement.IntervalHours).With("rate", settlement.Rate)
                .RunAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return settlements.Count;
    }

    public async Task<IReadOnlyList<FundingSettlement>> ReadAsync(Symbol symbol, long fromMs, long toMs, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.Sql("""
            SELECT funding_time, interval_hours, rate FROM funding_rates
            WHERE symbol = @symbol AND funding_time >= @from AND funding_time < @to ORDER BY funding_time
            """).With("symbol", symbol.Name).With("from", fromMs).With("to", toMs).ListAsync(Map, ct);
    }

    public async Task<IReadOnlyList<FundingSeriesSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.Sql("SELECT symbol, count(*), min(funding_time), max(funding_time) FROM funding_rates GROUP BY symbol ORDER BY symbol")
            .ListAsync(r => new FundingSeriesSummary(new Symbol(r.GetString(0)), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)), ct);
    }

    private static FundingSettlement Map(DbDataReader r) => new(r.GetInt64(0), r.GetInt32(1), r.GetDecimal(2));
}
