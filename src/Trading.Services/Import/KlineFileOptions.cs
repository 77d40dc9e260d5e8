using Trading.Core.Model;

namespace Trading.Services.Import;

/// <summary>How kline files are read: symbol/timeframe overrides (else inferred from the file name) and the latest allowed open time.</summary>
public sealed record KlineFileOptions(Symbol? Symbol = null, Timeframe? Timeframe = null, long LatestAllowedOpenMs = long.MaxValue)
{
    public static KlineFileOptions Default { get; } = new();
}
