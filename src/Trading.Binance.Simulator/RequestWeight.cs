namespace Trading.Binance.Simulator;

/// <summary>
/// Endpoint metadata: the request weight Binance charges for it (default 1). <see cref="FreeOnSuccess"/> marks order
/// placements, which cost weight only when they fail (Binance since 2026-04-02).
/// </summary>
public sealed record RequestWeight(int Weight, bool FreeOnSuccess = false);
