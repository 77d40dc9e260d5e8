using System.Globalization;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Services.Import;

/// <summary>
/// The bundled real market data in data/sample (BTCUSDT 1m daily zips from data.binance.vision). It is imported into
/// the store on first use only: a marker in the system state records what was imported, and the stored series must
/// still cover it, so a second call does nothing and a deleted series is imported again.
/// </summary>
public static class SampleData
{
    public const string MarkerKey = "sample_data.imported";

    public static Symbol Symbol { get; } = new("BTCUSDT");

    public static Timeframe Timeframe => Timeframe.M1;

    /// <summary>data/sample under the current directory or any parent of it or of the application.</summary>
    public static string? FindDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data", "sample");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    public static async Task<SampleImportResult> EnsureImportedAsync(
        ITradingStore store, string? sampleDirectory = null, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var dir = sampleDirectory ?? FindDirectory()
            ?? throw new DirectoryNotFoundException("The bundled sample data (data/sample) was not found above the current directory.");
        var files = KlineFileReader.ExpandPaths([dir]);
        if (files.Count == 0) throw new DirectoryNotFoundException($"{dir} holds no kline files.");

        var marker = Marker.Parse(await store.SystemState.GetAsync(MarkerKey, ct).ConfigureAwait(false));
        if (marker is not null && await IsStoredAsync(store, marker, ct).ConfigureAwait(false))
            return new SampleImportResult(false, dir, marker.Rows, marker.FirstMs, marker.LastMs, null);

        var summary = await new CandleImporter(store.Candles, TimeProvider.System).ImportAsync(files, KlineFileOptions.Default, progress, ct).ConfigureAwait(false);
        var series = summary.Series.FirstOrDefault(s => s.Symbol == Symbol && s.Timeframe == Timeframe)
            ?? throw new InvalidDataException($"{dir}: no {Symbol} {Timeframe} rows could be imported ({summary.FileErrors.FirstOrDefault()}).");
        var imported = new Marker(series.FirstOpenTimeMs, series.LastOpenTimeMs, series.Rows);
        await store.SystemState.SetAsync(MarkerKey, imported.ToString(), ct).ConfigureAwait(false);
        return new SampleImportResult(true, dir, imported.Rows, imported.FirstMs, imported.LastMs, summary);
    }

    private static async Task<bool> IsStoredAsync(ITradingStore store, Marker marker, CancellationToken ct)
    {
        var series = (await store.Candles.ListSeriesAsync(ct).ConfigureAwait(false)).FirstOrDefault(s => s.Symbol == Symbol && s.Timeframe == Timeframe);
        return series is not null && series.FirstOpenTimeMs <= marker.FirstMs && series.LastOpenTimeMs >= marker.LastMs && series.Count >= marker.Rows;
    }

    private sealed record Marker(long FirstMs, long LastMs, long Rows)
    {
        public static Marker? Parse(string? text)
        {
            var parts = text?.Split(',') ?? [];
            return parts.Length == 3
                && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var first)
                && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var last)
                && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var rows)
                ? new Marker(first, last, rows) : null;
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{FirstMs},{LastMs},{Rows}");
    }
}
