namespace Trading.Storage.Sql;

/// <summary>One numbered schema step. Its SQL is idempotent (IF NOT EXISTS), so re-running it is safe.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
