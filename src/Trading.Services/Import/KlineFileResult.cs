namespace Trading.Services.Import;

/// <summary>One file of a batch read: its candles, or a one-line error when the file as a whole could not be read.</summary>
public sealed record KlineFileResult(string Path, KlineFile? File, string? Error);
