using Trading.Core.Model;

namespace Trading.Services.Import;

/// <summary>What a funding import holds for one symbol: settlements, first and last settlement time, the lowest and highest rate, and its files.</summary>
public sealed record FundingImportSummary(Symbol Symbol, long Settlements, long FirstTimeMs, long LastTimeMs, decimal MinRate, decimal MaxRate, int Files);
