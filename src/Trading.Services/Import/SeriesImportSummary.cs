using Trading.Core.Data;
using Trading.Core.Model;

namespace Trading.Services.Import;

/// <summary>What an import wrote for one symbol and timeframe: rows, span and the gaps inside the imported rows.</summary>
public sealed record SeriesImportSummary(Symbol Symbol, Timeframe Timeframe, long Rows, long FirstOpenTimeMs, long LastOpenTimeMs, IReadOnlyList<CandleGap> Gaps)
{
    public DateTimeOffset First => DateTimeOffset.FromUnixTimeMilliseconds(FirstOpenTimeMs);

    public DateTimeOffset Last => DateTimeOffset.FromUnixTimeMilliseconds(LastOpenTimeMs);
}
