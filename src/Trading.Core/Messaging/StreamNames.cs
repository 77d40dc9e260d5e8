using Trading.Core.Model;

namespace Trading.Core.Messaging;

/// <summary>The spec's stream names, and the extra ones the platform uses.</summary>
public static class StreamNames
{
    public const string Signals = "signals";
    public const string Orders = "orders";
    public const string Fills = "fills";
    public const string BotStatus = "bots.status";
    public const string SystemEvents = "system.events";

    public static string Candles(Symbol symbol) => $"candles.{symbol.Name}";

    public static string OpenCandles(Symbol symbol) => $"candles.open.{symbol.Name}";
}
