using Trading.Core.Model;

namespace Trading.Services.Observability.Logging;

/// <summary>
/// Log scope states that tie events together: the signal id is the correlation id, carried from the signal to its order and
/// its fills (an order knows its signal id), with the bot and symbol.
/// </summary>
public static class LogScopes
{
    public const string CorrelationId = "correlationId";

    public static Dictionary<string, object?> ForSignal(Signal signal) => Scope(signal?.Id, signal?.BotId, signal?.Symbol.Name);

    public static Dictionary<string, object?> ForOrder(Order order) => Scope(order?.SignalId ?? order?.Id, order?.BotId, order?.Symbol.Name);

    public static Dictionary<string, object?> ForRequest(string signalId, string? botId, Symbol symbol) => Scope(signalId, botId, symbol.Name);

    private static Dictionary<string, object?> Scope(string? correlationId, string? bot, string? symbol) => new()
    {
        [CorrelationId] = correlationId,
        ["bot"] = bot,
        ["symbol"] = symbol,
    };
}
