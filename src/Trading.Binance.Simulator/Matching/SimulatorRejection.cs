namespace Trading.Binance.Simulator.Matching;

/// <summary>A request the simulated exchange refuses, with Binance's code and message.</summary>
public sealed class SimulatorRejection(int code, string message, int httpStatus = 400) : Exception(message)
{
    public int Code { get; } = code;

    public int HttpStatus { get; } = httpStatus;

    public static SimulatorRejection Filter(string filter) => new(-1013, $"Filter failure: {filter}");

    public static SimulatorRejection InsufficientBalance() => new(-2010, "Account has insufficient balance for requested action.");

    public static SimulatorRejection Duplicate() => new(-2010, "Duplicate order sent.");

    public static SimulatorRejection UnknownOrder() => new(-2011, "Unknown order sent.");

    public static SimulatorRejection NoSuchOrder() => new(-2013, "Order does not exist.");

    public static SimulatorRejection InvalidSymbol() => new(-1121, "Invalid symbol.");

    public static SimulatorRejection Mandatory(string parameter) =>
        new(-1102, $"Mandatory parameter '{parameter}' was not sent, was empty/null, or malformed.");
}
