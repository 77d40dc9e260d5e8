namespace Trading.Core.Model;

/// <summary>One execution against an order; fees are in <see cref="FeeAsset"/>.</summary>
public sealed record Fill
{
    public required string Id { get; init; }
    public required string OrderId { get; init; }
    public required Symbol Symbol { get; init; }
    public required OrderSide Side { get; init; }
    public required decimal Price { get; init; }
    public required decimal Quantity { get; init; }
    public decimal Fee { get; init; }
    public string FeeAsset { get; init; } = "USDT";
    public bool IsMaker { get; init; }
    public required DateTimeOffset Time { get; init; }

    public decimal Notional => Price * Quantity;
}
