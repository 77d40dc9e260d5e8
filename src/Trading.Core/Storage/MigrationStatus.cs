namespace Trading.Core.Storage;

public sealed record MigrationStatus(int Version, string Name, bool Applied, DateTimeOffset? AppliedAt);
