namespace Trading.Binance.Simulator.Matching;

/// <summary>The simulator's one trading account: its test key and secret, starting balances and commission.</summary>
public sealed record SimulatorTradingOptions
{
    public const string TestApiKey = "sim-test-api-key";
    public const string TestApiSecret = "sim-test-api-secret";

    public string ApiKey { get; init; } = TestApiKey;

    public string ApiSecret { get; init; } = TestApiSecret;

    public IReadOnlyDictionary<string, decimal> StartingBalances { get; init; } =
        new Dictionary<string, decimal>(StringComparer.Ordinal) { ["USDT"] = 10_000m, ["BTC"] = 0m, ["ETH"] = 0m };

    /// <summary>Maker and taker commission as a fraction of the notional (0.001 = 10 bps), always charged in the quote asset.</summary>
    public decimal CommissionRate { get; init; } = 0.001m;
}
