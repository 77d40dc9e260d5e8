namespace Trading.Services.Import;

/// <summary>Progress of an import: files read out of the total, and rows committed so far.</summary>
public readonly record struct ImportProgress(int FilesDone, int FilesTotal, long RowsWritten);
