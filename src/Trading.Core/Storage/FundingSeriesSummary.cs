using Trading.Core.Model;

namespace Trading.Core.Storage;

/// <summary>The stored funding settlements of one symbol: how many, the first and last settlement time.</summary>
public sealed record FundingSeriesSummary(Symbol Symbol, long Count, long FirstTimeMs, long LastTimeMs);
