namespace Trading.Binance.Simulator.Matching;

/// <summary>A parsed POST /api/v3/order/cancelReplace: which order to cancel, how, and the order that replaces it.</summary>
public sealed record CancelReplaceRequest(
    long? CancelOrderId, string? CancelOrigClientOrderId, string CancelNewClientOrderId, bool AllowFailure, NewSimulatedOrder NewOrder);

/// <summary>
/// What a cancel-replace did: the cancelled order or the cancel's rejection, and the new order, its rejection, or neither
/// (STOP_ON_FAILURE after a failed cancel: not attempted).
/// </summary>
public sealed record CancelReplaceResult(
    SimulatedOrder? Cancelled, SimulatorRejection? CancelError, SimulatedOrder? Placed, SimulatorRejection? PlaceError)
{
    public bool Succeeded => Cancelled is not null && Placed is not null;

    public bool NewOrderAttempted => Placed is not null || PlaceError is not null;

    /// <summary>-2021 when one half succeeded, -2022 when nothing did.</summary>
    public (int Code, string Message, int HttpStatus) Failure => Cancelled is null && Placed is null
        ? (-2022, "Order cancel-replace failed.", 400)
        : (-2021, "Order cancel-replace partially failed.", 409);
}
