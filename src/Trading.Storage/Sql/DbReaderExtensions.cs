using System.Data.Common;

namespace Trading.Storage.Sql;

/// <summary>Column readers for the shared schema: times are Unix milliseconds, enums are their names.</summary>
internal static class DbReaderExtensions
{
    public static DateTimeOffset GetTime(this DbDataReader reader, int ordinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static DateTimeOffset? GetNullableTime(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetTime(ordinal);

    public static decimal? GetNullableDecimal(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDecimal(ordinal);

    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static TEnum GetEnum<TEnum>(this DbDataReader reader, int ordinal) where TEnum : struct, Enum =>
        Enum.Parse<TEnum>(reader.GetString(ordinal));
}
