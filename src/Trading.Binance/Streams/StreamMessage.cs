using Trading.Core.Model;

namespace Trading.Binance.Streams;

/// <summary>One decoded frame of the combined market stream.</summary>
public abstract record StreamMessage;

/// <summary>A kline update; <see cref="IsClosed"/> is Binance's k.x (the bar is final).</summary>
public sealed record KlineUpdate(Candle Candle, bool IsClosed, long EventTimeMs) : StreamMessage;

/// <summary>Binance is about to close the connection; reconnect now.</summary>
public sealed record ServerShutdown : StreamMessage;

/// <summary>A frame that could not be decoded; it is skipped.</summary>
public sealed record MalformedFrame(string Reason) : StreamMessage;

/// <summary>A well-formed frame the collector does not use (subscription answers, other event types).</summary>
public sealed record IgnoredFrame(string? Stream) : StreamMessage;
