namespace Trading.Api.Contracts;

/// <summary>
/// One stored series' current market regime (GET /regimes): the classifier's label after its newest closed candle
/// (<paramref name="AsOf"/>, Unix ms), and the readings behind it; a reading not yet available is null.
/// </summary>
public sealed record RegimeResponse(string Symbol, string Timeframe, string Regime, long AsOf, int CandlesUsed,
    double? Adx, double? PlusDi, double? MinusDi, double? AtrPercent, double? Bandwidth);
