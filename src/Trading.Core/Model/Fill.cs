namespace Trading.Core.Model;

/// <summary>One execution against an order; fees are in <see cref="FeeAsset"/>.</summary>
public sealed record Fill
{
    private string _id = null!;
    private string _orderId = null!;
    private Symbol _symbol;
    private OrderSide _side;
    private decimal _price;
    private decimal _quantity;
    private decimal _fee;
    private string _feeAsset = "USDT";
    private bool _isMaker;
    private DateTimeOffset _time;

    public required string Id { get => _id; init => _id = value; }
    public required string OrderId { get => _orderId; init => _orderId = value; }
    public required Symbol Symbol { get => _symbol; init => _symbol = value; }
    public required OrderSide Side { get => _side; init => _side = value; }
    public required decimal Price { get => _price; init => _price = value; }
    public required decimal Quantity { get => _quantity; init => _quantity = value; }
    public decimal Fee { get => _fee; init => _fee = value; }
    public string FeeAsset { get => _feeAsset; init => _feeAsset = value; }
    public bool IsMaker { get => _isMaker; init => _isMaker = value; }
    public required DateTimeOffset Time { get => _time; init => _time = value; }

    public decimal Notional => Price * Quantity;

    /// <summary>
    /// Makes a fill object hold another fill. Only a backtest engine calls it, on the fills of its previous run: a result's
    /// fills stay valid until the engine's next run (see <c>BacktestResult</c>), which saves an allocation per fill.
    /// </summary>
    internal Fill Reuse(string id, string orderId, Symbol symbol, OrderSide side, decimal price, decimal quantity, decimal fee, string feeAsset, bool isMaker,
        DateTimeOffset time)
    {
        _id = id;
        _orderId = orderId;
        _symbol = symbol;
        _side = side;
        _price = price;
        _quantity = quantity;
        _fee = fee;
        _feeAsset = feeAsset;
        _isMaker = isMaker;
        _time = time;
        return this;
    }
}
