namespace Trading.Binance.Simulator.Matching;

/// <summary>
/// The simulator's one trading account (test key and secret, starting balances, commission) and its fill model:
/// the book a taker order walks and the share of each replayed bar's volume that resting orders may fill (docs/simulator.md).
/// </summary>
public sealed record SimulatorTradingOptions
{
    public const string TestApiKey = "sim-test-api-key";
    public const string TestApiSecret = "sim-test-api-secret";

    public string ApiKey { get; init; } = TestApiKey;

    public string ApiSecret { get; init; } = TestApiSecret;

    public IReadOnlyDictionary<string, decimal> StartingBalances { get; init; } =
        new Dictionary<string, decimal>(StringComparer.Ordinal) { ["USDT"] = 10_000m, ["BTC"] = 0m, ["ETH"] = 0m };

    /// <summary>
    /// Maker and taker commission as a fraction (0.001 = 10 bps), charged as Binance does with the BNB discount off: in the
    /// asset received (base for a buy, so buying 0.001 BTC leaves 0.000999 BTC; quote for a sell).
    /// </summary>
    public decimal CommissionRate { get; init; } = 0.001m;

    /// <summary>
    /// True (Binance): commission in the asset received. False charges every fill in the quote asset, as the backtester's
    /// fill model does, for comparing a testnet run with a backtest order for order.
    /// </summary>
    public bool CommissionInReceivedAsset { get; init; } = true;

    /// <summary>The full bid-ask spread around the last replayed price, in basis points (each side half of it, put on the tick).</summary>
    public decimal SpreadBps { get; init; } = 1m;

    /// <summary>Price levels on each side of the modelled book.</summary>
    public int DepthLevels { get; init; } = 10;

    /// <summary>Distance between two levels of the book, in basis points of the last price.</summary>
    public decimal LevelStepBps { get; init; } = 1m;

    /// <summary>The share of the last closed bar's volume that one side of the book holds, spread evenly over its levels.</summary>
    public decimal BookShareOfBarVolume { get; init; } = 1m;

    /// <summary>The share of a replayed bar's volume that the symbol's resting orders may fill in that bar, oldest order first.</summary>
    public decimal FillShareOfBarVolume { get; init; } = 1m;

    /// <summary>ORDERS rate limit per 10 seconds (Binance: 100), reported in X-MBX-ORDER-COUNT-10S; past it -1015.</summary>
    public int OrdersPer10Seconds { get; init; } = 100;

    /// <summary>ORDERS rate limit per day (Binance: 200,000), reported in X-MBX-ORDER-COUNT-1D.</summary>
    public int OrdersPerDay { get; init; } = 200_000;
}
