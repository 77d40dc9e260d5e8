using Trading.Core.Data;
using Trading.Core.Model;

namespace Trading.Services.Import;

/// <summary>The valid candles of one kline file (time-ordered) and the rows that were skipped.</summary>
public sealed record KlineFile(string Path, Symbol Symbol, Timeframe Timeframe, IReadOnlyList<Candle> Candles, IReadOnlyList<RowProblem> Problems, long SkippedRows);
