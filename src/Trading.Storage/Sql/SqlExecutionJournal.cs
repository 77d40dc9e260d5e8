using Trading.Core.Storage;

namespace Trading.Storage.Sql;

/// <summary>Writes an <see cref="ExecutionRecord"/> with the signal, risk-decision and order stores' statements in one transaction.</summary>
internal sealed class SqlExecutionJournal(SqlDatabase database) : IExecutionJournal
{
    public async Task RecordAsync(ExecutionRecord record, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await database.OpenWriterAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (record.Signal is { } signal) await SqlSignalStore.Insert(connection, transaction, signal).RunAsync(ct);
        await SqlRiskDecisionStore.Insert(connection, transaction, record.Decision).RunAsync(ct);
        if (record.Order is { } order) await SqlOrderStore.WriteAsync(connection, transaction, order, record.Transition, ct);
        await transaction.CommitAsync(ct);
    }
}
