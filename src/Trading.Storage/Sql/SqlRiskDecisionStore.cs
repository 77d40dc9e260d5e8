using System.Data.Common;
using Trading.Core.Storage;

namespace Trading.Storage.Sql;

internal sealed class SqlRiskDecisionStore(SqlDatabase database) : IRiskDecisionStore
{
    public async Task SaveAsync(RiskDecisionRecord decision, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        await using var connection = await database.OpenWriterAsync(ct);
        await Insert(connection, null, decision).RunAsync(ct);
    }

    /// <summary>The insert of one decision, ignored when its id is already stored.</summary>
    public static DbCommand Insert(DbConnection connection, DbTransaction? transaction,
        RiskDecisionRecord decision) =>
        connection.Sql("""
            INSERT INTO risk_decisions (id, time, signal_id, order_id, check_name, allowed, reason)
            VALUES (@id, @time, @signal_id, @order_id, @check_name, @allowed, @reason)
            ON CONFLICT (id) DO NOTHING
            """, transaction)
            .With("id", decision.Id).WithTime("time", decision.Time).With("signal_id", decision.SignalId).With("order_id", decision.OrderId)
            .With("check_name", decision.Check).With("allowed", decision.Allowed).With("reason", decision.Reason);

    public async Task<IReadOnlyList<RiskDecisionRecord>> ListAsync(string? signalId = null, string? orderId = null, int limit = 100, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var filters = new List<string>();
        if (signalId is not null) filters.Add("signal_id = @signal_id");
        if (orderId is not null) filters.Add("order_id = @order_id");
        var where = filters.Count == 0 ? "" : "WHERE " + string.Join(" AND ", filters);
        var command = connection.Sql($"""
            SELECT id, time, signal_id, order_id, check_name, allowed, reason FROM risk_decisions {where}
            ORDER BY time DESC, id DESC LIMIT @limit
            """).With("limit", limit);
        if (signalId is not null) command.With("signal_id", signalId);
        if (orderId is not null) command.With("order_id", orderId);
        return await command.ListAsync(r => new RiskDecisionRecord
        {
            Id = r.GetString(0),
            Time = r.GetTime(1),
            SignalId = r.GetNullableString(2),
            OrderId = r.GetNullableString(3),
            Check = r.GetString(4),
            Allowed = r.GetBoolean(5),
            Reason = r.GetString(6),
        }, ct);
    }
}
