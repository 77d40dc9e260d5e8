namespace Trading.Binance.Simulator;

/// <summary>Endpoint metadata: the request weight Binance charges for it (default 1).</summary>
public sealed record RequestWeight(int Weight);
