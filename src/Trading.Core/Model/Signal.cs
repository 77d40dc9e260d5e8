namespace Trading.Core.Model;

/// <summary>A strategy's decision to buy or sell. Its id seeds the client order id, so it is placed at most once.</summary>
public sealed record Signal
{
    public required string Id { get; init; }
    public required string Strategy { get; init; }
    public required Symbol Symbol { get; init; }
    public required OrderSide Side { get; init; }
    public required decimal Price { get; init; }
    public decimal Quantity { get; init; }
    public string Reason { get; init; } = "";
    public int Confidence { get; init; } = 50;
    public required DateTimeOffset CreatedAt { get; init; }
    public decimal? StopLoss { get; init; }
    public decimal? TakeProfit { get; init; }
    public string? BotId { get; init; }
    public IReadOnlyDictionary<string, double> Indicators { get; init; } = new Dictionary<string, double>();

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Id)) throw new ArgumentException("Signal id is required.");
        if (Price <= 0) throw new ArgumentException($"Signal price must be positive, got {Price}.");
        if (Quantity < 0) throw new ArgumentException($"Signal quantity must not be negative, got {Quantity}.");
        if (Confidence is < 0 or > 100) throw new ArgumentException($"Signal confidence must be within 0..100, got {Confidence}.");
    }
}
