namespace Trading.Storage;

/// <summary>Where the store lives: PostgreSQL when <see cref="DatabaseUrl"/> is set, else SQLite in <see cref="DataDir"/>.</summary>
public sealed record StoreLocation(string? DatabaseUrl, string DataDir)
{
    public bool IsPostgres => !string.IsNullOrWhiteSpace(DatabaseUrl);

    /// <summary>A printable description without credentials. Throws <see cref="FormatException"/> for a malformed URL.</summary>
    public string Describe() => IsPostgres
        ? PostgresConnectionString.Describe(PostgresConnectionString.FromUrl(DatabaseUrl!))
        : $"sqlite {Path.GetFullPath(Path.Combine(DataDir, TradingStoreFactory.SqliteFileName))}";

    public Task<Core.Storage.ITradingStore> ConnectAsync(CancellationToken ct = default) => TradingStoreFactory.ConnectAsync(DatabaseUrl, DataDir, ct);

    public Task<Core.Storage.ITradingStore> OpenAsync(CancellationToken ct = default) => TradingStoreFactory.OpenAsync(DatabaseUrl, DataDir, ct);
}
