using System.IO.Compression;
using System.Runtime.CompilerServices;
using Trading.Core.Data;
using Trading.Core.Model;

namespace Trading.Services.Import;

/// <summary>
/// Reads kline files: data.binance.vision zips (one CSV inside) and CSVs, with or without a header.
/// Symbol and timeframe come from the options or, failing that, from the file name.
/// </summary>
public static class KlineFileReader
{
    private static readonly string[] Extensions = [".zip", ".csv"];

    /// <summary>Expands files and folders (recursively) into the .zip and .csv files they hold, sorted by name.</summary>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(IsKlineFile));
            else if (File.Exists(path))
                files.Add(path);
            else
                throw new KlineFileException($"{path}: no such file or folder");
        }
        return files.Distinct().OrderBy(System.IO.Path.GetFileName, StringComparer.Ordinal).ThenBy(f => f, StringComparer.Ordinal).ToList();
    }

    public static bool IsKlineFile(string path) =>
        Extensions.Contains(System.IO.Path.GetExtension(path).ToLowerInvariant());

    /// <summary>Reads one file; throws <see cref="KlineFileException"/> when it cannot be read at all.</summary>
    public static KlineFile Read(string path, KlineFileOptions? options = null)
    {
        options ??= KlineFileOptions.Default;
        var (symbol, timeframe) = Identify(path, options);
        var parser = new KlineCsvParser(System.IO.Path.GetFileName(path), symbol, timeframe, options.LatestAllowedOpenMs);
        var candles = PooledCandleList.Rent();
        try
        {
            if (System.IO.Path.GetExtension(path).Equals(".zip", StringComparison.OrdinalIgnoreCase))
                ReadZip(path, parser, candles);
            else
                using (var stream = OpenSequential(path)) parser.Parse(stream, candles);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new KlineFileException($"{path}: {Describe(e)}", e);
        }
        return new KlineFile(path, symbol, timeframe, candles, parser.Problems, parser.SkippedRows);
    }

    /// <summary>Reads files in parallel and yields results in input order; a bad file yields an error and the rest continue.</summary>
    public static async IAsyncEnumerable<KlineFileResult> ReadManyAsync(
        IReadOnlyList<string> paths, KlineFileOptions? options = null, int? parallelism = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var ahead = Math.Max(2, parallelism ?? Environment.ProcessorCount * 2);
        var window = new Queue<Task<KlineFileResult>>();
        var next = 0;
        while (next < paths.Count || window.Count > 0)
        {
            while (next < paths.Count && window.Count < ahead)
            {
                var path = paths[next++];
                window.Enqueue(Task.Run(() => TryRead(path, options), ct));
            }
            yield return await window.Dequeue().ConfigureAwait(false);
        }
    }

    public static KlineFileResult TryRead(string path, KlineFileOptions? options = null)
    {
        try
        {
            return new KlineFileResult(path, Read(path, options), null);
        }
        catch (KlineFileException e)
        {
            return new KlineFileResult(path, null, e.Message);
        }
    }

    private static void ReadZip(string path, KlineCsvParser parser, List<Candle> candles)
    {
        using var zip = ZipFile.OpenRead(path);
        var entries = zip.Entries.Where(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
        if (entries.Count == 0) throw new InvalidDataException("the zip holds no .csv file");
        foreach (var entry in entries)
        {
            using var stream = entry.Open();
            parser.Parse(stream, candles);
        }
    }

    private static (Symbol, Timeframe) Identify(string path, KlineFileOptions options)
    {
        var (symbol, timeframe) = SeriesNameInference.Infer(System.IO.Path.GetFileName(path));
        symbol = options.Symbol ?? symbol;
        timeframe = options.Timeframe ?? timeframe;
        if (symbol is null) throw new KlineFileException($"{path}: cannot tell the symbol from the file name; pass --symbol");
        if (timeframe is null) throw new KlineFileException($"{path}: cannot tell the timeframe from the file name; pass --timeframe");
        return (symbol.Value, timeframe.Value);
    }

    private static FileStream OpenSequential(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    private static string Describe(Exception e) => e switch
    {
        InvalidDataException when e.Message.Contains("header", StringComparison.Ordinal) => e.Message,
        InvalidDataException => $"corrupt or truncated file ({e.Message.TrimEnd('.')})",
        FileNotFoundException => "no such file",
        _ => e.Message.TrimEnd('.'),
    };
}
