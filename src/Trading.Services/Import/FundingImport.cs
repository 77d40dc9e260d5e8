using Trading.Core.Data;
using Trading.Core.Futures;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Services.Import;

/// <summary>
/// data.binance.vision futures/um fundingRate files (.zip or .csv), read and checked in full before anything is stored:
/// <see cref="Read"/> throws <see cref="KlineFileException"/> naming the file and line for a garbled value or a negative
/// time or interval, so a bad file leaves the store as it was. A negative rate is a real value (shorts pay) and is kept.
/// The symbol comes from the file name (BTCUSDT-fundingRate-2024-01.zip) unless one is given.
/// </summary>
public sealed class FundingImport
{
    private readonly SortedDictionary<string, (Symbol Symbol, SortedDictionary<long, FundingSettlement> Rows, int Files)> bySymbol;

    private FundingImport(SortedDictionary<string, (Symbol, SortedDictionary<long, FundingSettlement>, int)> bySymbol) => this.bySymbol = bySymbol;

    public long Settlements => bySymbol.Values.Sum(s => (long)s.Rows.Count);

    public IReadOnlyList<FundingImportSummary> Summaries =>
    [
        .. bySymbol.Values.Where(s => s.Rows.Count > 0).Select(s => new FundingImportSummary(s.Symbol, s.Rows.Count, s.Rows.Keys.First(),
            s.Rows.Keys.Last(), s.Rows.Values.Min(r => r.Rate), s.Rows.Values.Max(r => r.Rate), s.Files)),
    ];

    public static FundingImport Read(IReadOnlyList<string> files, Symbol? symbol = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var bySymbol = new SortedDictionary<string, (Symbol, SortedDictionary<long, FundingSettlement>, int)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var fileSymbol = symbol ?? SymbolOf(file);
            var settlements = ReadFile(file);
            var (_, rows, count) = bySymbol.TryGetValue(fileSymbol.Name, out var entry) ? entry : (fileSymbol, new SortedDictionary<long, FundingSettlement>(), 0);
            foreach (var settlement in settlements) rows[settlement.TimeMs] = settlement;
            bySymbol[fileSymbol.Name] = (fileSymbol, rows, count + 1);
        }
        return new FundingImport(bySymbol);
    }

    /// <summary>Upserts each symbol's settlements in one transaction; returns the rows written.</summary>
    public async Task<long> StoreAsync(IFundingRateStore store, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        long written = 0;
        foreach (var (symbol, rows, _) in bySymbol.Values.Where(s => s.Rows.Count > 0))
            written += await store.UpsertAsync(symbol, rows.Values, ct).ConfigureAwait(false);
        return written;
    }

    private static IReadOnlyList<FundingSettlement> ReadFile(string file)
    {
        try
        {
            return FundingRateCsv.ReadFile(file);
        }
        catch (Exception e) when (e is FormatException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new KlineFileException(e is FormatException ? e.Message : $"{Path.GetFileName(file)}: {e.Message}", e);
        }
    }

    private static Symbol SymbolOf(string file) =>
        SeriesNameInference.Infer(Path.GetFileName(file)).Symbol
        ?? throw new KlineFileException($"{Path.GetFileName(file)}: the file name does not tell the symbol (as in BTCUSDT-fundingRate-2024-01.zip): pass --symbol");
}
