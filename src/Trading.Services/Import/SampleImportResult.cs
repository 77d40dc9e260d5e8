namespace Trading.Services.Import;

/// <summary>What <see cref="SampleData.EnsureImportedAsync"/> did: imported now (with the summary) or found it already stored.</summary>
public sealed record SampleImportResult(bool Imported, string Directory, long Rows, long FirstOpenTimeMs, long LastOpenTimeMs, ImportSummary? Summary);
