using System.Data.Common;

namespace Trading.Storage.Sql;

internal static class DbCommandExtensions
{
    public static DbCommand Sql(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    public static DbCommand WithTime(this DbCommand command, string name, DateTimeOffset? time) =>
        command.With(name, time?.ToUnixTimeMilliseconds());

    public static async Task<int> RunAsync(this DbCommand command, CancellationToken ct)
    {
        await using (command)
            return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Reads every row with <paramref name="map"/> and disposes the command.</summary>
    public static async Task<IReadOnlyList<T>> ListAsync<T>(this DbCommand command, Func<DbDataReader, T> map, CancellationToken ct)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<T>();
            while (await reader.ReadAsync(ct)) rows.Add(map(reader));
            return rows;
        }
    }

    public static async Task<T?> FirstOrDefaultAsync<T>(this DbCommand command, Func<DbDataReader, T> map, CancellationToken ct)
        where T : class
    {
        var rows = await command.ListAsync(map, ct);
        return rows.Count > 0 ? rows[0] : null;
    }

    public static async Task<long> ScalarInt64Async(this DbCommand command, CancellationToken ct)
    {
        await using (command)
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
