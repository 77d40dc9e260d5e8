using Trading.Core.Model;

namespace Trading.Core.Tests.Execution;

/// <summary>Order and fill builders shared by the execution tests.</summary>
internal static class Orders
{
    public static readonly Symbol BtcUsdt = new("BTCUSDT");
    public static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Order Create(OrderStatus status = OrderStatus.Created, decimal quantity = 1m, OrderSide side = OrderSide.Buy,
        OrderType type = OrderType.Limit, decimal? price = 100m, string id = "o1") => new()
    {
        Id = id,
        ClientOrderId = "c-" + id,
        Symbol = BtcUsdt,
        Side = side,
        Type = type,
        Price = type == OrderType.Limit ? price : null,
        Quantity = quantity,
        Status = status,
        CreatedAt = T0,
    };

    public static Fill Fill(decimal quantity, decimal price, decimal fee = 0m, string orderId = "o1", OrderSide side = OrderSide.Buy, string id = "f1") => new()
    {
        Id = id,
        OrderId = orderId,
        Symbol = BtcUsdt,
        Side = side,
        Price = price,
        Quantity = quantity,
        Fee = fee,
        Time = T0.AddMinutes(1),
    };
}
