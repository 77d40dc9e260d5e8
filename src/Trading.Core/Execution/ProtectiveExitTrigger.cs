using Trading.Core.Model;

namespace Trading.Core.Execution;

/// <summary>
/// A protective exit the kernel fired on a candle: sell <see cref="Quantity"/> of <see cref="Symbol"/> because the
/// stop-loss or the take-profit was hit at <see cref="Exit"/>'s price (the open, when the candle opened beyond it).
/// </summary>
public readonly record struct ProtectiveExitTrigger(Symbol Symbol, ExitResolution Exit, decimal Quantity, DateTimeOffset Time)
{
    public bool IsStop => Exit.Kind == ExitKind.StopLoss;

    public string Reason => IsStop ? "stop-loss triggered" : "take-profit triggered";

    /// <summary>The exit order: a market sell for a stop, a limit sell at the target for a take-profit.</summary>
    public Order ToOrder(string id, string clientOrderId, OrderStatus status = OrderStatus.Created, string? botId = null) => new()
    {
        Id = id, ClientOrderId = clientOrderId, BotId = botId, Symbol = Symbol, Side = OrderSide.Sell,
        Type = IsStop ? OrderType.Market : OrderType.Limit, Price = IsStop ? null : Exit.Price,
        Quantity = Quantity, Status = status, CreatedAt = Time, UpdatedAt = Time,
    };
}
