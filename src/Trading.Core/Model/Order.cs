namespace Trading.Core.Model;

/// <summary>A snapshot of an order. Status changes go through the execution state machine, which returns a new snapshot.</summary>
public sealed record Order
{
    public required string Id { get; init; }
    public required string ClientOrderId { get; init; }
    public string? SignalId { get; init; }
    public string? ExchangeOrderId { get; init; }
    public required Symbol Symbol { get; init; }
    public required OrderSide Side { get; init; }
    public required OrderType Type { get; init; }
    public decimal? Price { get; init; }
    public required decimal Quantity { get; init; }
    public OrderStatus Status { get; init; } = OrderStatus.Created;
    public decimal FilledQuantity { get; init; }
    public decimal AverageFillPrice { get; init; }
    public decimal Fees { get; init; }
    public string? FeeAsset { get; init; }
    public string? BotId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? FilledAt { get; init; }

    public decimal RemainingQuantity => Quantity - FilledQuantity;

    public bool IsOpen => Status is OrderStatus.Created or OrderStatus.Submitted or OrderStatus.New
        or OrderStatus.PartiallyFilled or OrderStatus.PendingCancel;
}
