namespace Trading.Binance.Simulator;

public sealed record SimulatorOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one (see <see cref="BinanceSimulator.BaseUrl"/>).</summary>
    public int Port { get; init; }

    /// <summary>Replay speed: 1 = real time, N = N× faster, 0 = as fast as the listeners read (tests).</summary>
    public double Speed { get; init; }

    /// <summary>
    /// In as-fast-as-possible mode, hold the replay after each new connection until the client has fetched klines over
    /// REST, as a collector does to fill its gap. Without it the replay can outrun a client that is still backfilling.
    /// </summary>
    public bool StreamAfterBackfill { get; init; }

    /// <summary>REQUEST_WEIGHT per minute the simulator enforces and advertises in exchangeInfo.</summary>
    public int WeightLimitPerMinute { get; init; } = 6000;

    /// <summary>Ping interval of the WebSocket server (Binance: 20 s).</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>A client that does not answer a ping within this time is dropped (Binance: 1 minute).</summary>
    public TimeSpan PongTimeout { get; init; } = TimeSpan.FromMinutes(1);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Awaited by the replayer before it streams each bar (after a listener is there), so a caller can step the
    /// replay one bar at a time, e.g. the latency benchmark. Null streams without pause.
    /// </summary>
    public Func<CancellationToken, Task>? BeforeEachBar { get; init; }

    /// <summary>Called with (method, path) as each /api/ request arrives, before faults or handlers; e.g. to timestamp orders.</summary>
    public Action<string, string>? RequestArrived { get; init; }

    /// <summary>The trading account: test API key/secret, starting balances, commission.</summary>
    public Matching.SimulatorTradingOptions Trading { get; init; } = new();

    /// <summary>The USDⓈ-M account under /fapi: wallet, fees, funding, leverage brackets (docs/simulator.md, "Futures").</summary>
    public Futures.FuturesSimulatorOptions Futures { get; init; } = new();
}
