namespace Trading.Binance.Orders;

/// <summary>
/// The request may or may not have been executed: a timeout, a lost connection, a 5xx, or code -1000/-1001/-1006/-1007/-1008.
/// Look the order up before doing anything else with it.
/// </summary>
public sealed class BinanceOutcomeUnknownException(string operation, string cause, Exception? inner = null)
    : Exception($"Binance {operation}: outcome unknown ({cause}); query the order before acting again.", inner)
{
    public string Cause { get; } = cause;

    public static bool IsUnknownCode(int code) => code is -1000 or -1001 or -1006 or -1007 or -1008;
}
