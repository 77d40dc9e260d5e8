using Trading.Core.Model;

namespace Trading.Services.MarketData;

public sealed record CollectorOptions
{
    public required IReadOnlyList<(Symbol Symbol, Timeframe Timeframe)> Series { get; init; }

    /// <summary>ws(s)://host[:port] of the market streams (BINANCE_WS_URL).</summary>
    public required Uri WebSocketUrl { get; init; }

    /// <summary>Where to start when the store has nothing for a series; null means the last 1000 bars.</summary>
    public long? BackfillFromMs { get; init; }

    public TimeSpan ReconnectBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Binance cuts connections at 24 h; reconnect on our own before that.</summary>
    public TimeSpan MaxConnectionAge { get; init; } = TimeSpan.FromHours(23.5);
}
