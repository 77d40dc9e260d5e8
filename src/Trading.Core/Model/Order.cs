namespace Trading.Core.Model;

/// <summary>A snapshot of an order. Status changes go through the execution state machine, which returns a new snapshot.</summary>
public sealed record Order
{
    private string _id = null!;
    private string _clientOrderId = null!;
    private string? _signalId;
    private string? _exchangeOrderId;
    private Symbol _symbol;
    private OrderSide _side;
    private OrderType _type;
    private decimal? _price;
    private decimal _quantity;
    private OrderStatus _status = OrderStatus.Created;
    private decimal _filledQuantity;
    private decimal _averageFillPrice;
    private decimal _fees;
    private string? _feeAsset;
    private string? _botId;
    private DateTimeOffset _createdAt;
    private DateTimeOffset _updatedAt;
    private DateTimeOffset? _filledAt;
    private PositionSide _positionSide;
    private bool _reduceOnly;

    public required string Id { get => _id; init => _id = value; }
    public required string ClientOrderId { get => _clientOrderId; init => _clientOrderId = value; }
    public string? SignalId { get => _signalId; init => _signalId = value; }
    public string? ExchangeOrderId { get => _exchangeOrderId; init => _exchangeOrderId = value; }
    public required Symbol Symbol { get => _symbol; init => _symbol = value; }
    public required OrderSide Side { get => _side; init => _side = value; }
    public required OrderType Type { get => _type; init => _type = value; }
    public decimal? Price { get => _price; init => _price = value; }
    public required decimal Quantity { get => _quantity; init => _quantity = value; }
    public OrderStatus Status { get => _status; init => _status = value; }
    public decimal FilledQuantity { get => _filledQuantity; init => _filledQuantity = value; }
    public decimal AverageFillPrice { get => _averageFillPrice; init => _averageFillPrice = value; }
    public decimal Fees { get => _fees; init => _fees = value; }
    public string? FeeAsset { get => _feeAsset; init => _feeAsset = value; }
    public string? BotId { get => _botId; init => _botId = value; }
    public required DateTimeOffset CreatedAt { get => _createdAt; init => _createdAt = value; }
    public DateTimeOffset UpdatedAt { get => _updatedAt; init => _updatedAt = value; }
    public DateTimeOffset? FilledAt { get => _filledAt; init => _filledAt = value; }

    /// <summary>Futures: the position the order acts on (BOTH in one-way mode, and for every spot order).</summary>
    public PositionSide PositionSide { get => _positionSide; init => _positionSide = value; }

    /// <summary>Futures: the order may only reduce the position, never open or flip it.</summary>
    public bool ReduceOnly { get => _reduceOnly; init => _reduceOnly = value; }

    public decimal RemainingQuantity => Quantity - FilledQuantity;

    public bool IsOpen => Status is OrderStatus.Created or OrderStatus.Submitted or OrderStatus.New
        or OrderStatus.PartiallyFilled or OrderStatus.PendingCancel;

    /// <summary>
    /// Makes a closed order's object the snapshot of a new one. Only a backtest's order pool calls it: a backtest keeps no
    /// snapshots, so once an order left its book nothing holds the object, and reusing it saves an allocation per order.
    /// </summary>
    internal Order Reuse(string id, Symbol symbol, OrderSide side, OrderType type, decimal? price, decimal quantity, OrderStatus status, DateTimeOffset time)
    {
        _id = id;
        _clientOrderId = id;
        _signalId = null;
        _exchangeOrderId = null;
        _symbol = symbol;
        _side = side;
        _type = type;
        _price = price;
        _quantity = quantity;
        _status = status;
        _filledQuantity = 0m;
        _averageFillPrice = 0m;
        _fees = 0m;
        _feeAsset = null;
        _botId = null;
        _createdAt = time;
        _updatedAt = time;
        _filledAt = null;
        _positionSide = PositionSide.Both;
        _reduceOnly = false;
        return this;
    }
}
