using Trading.Core.Model;

namespace Trading.Core.Execution;

/// <summary>
/// The fill objects of a backtest engine, made in its first runs and refilled in every later one, so a warmed-up engine
/// allocates no fill. A result's fills therefore stay valid until the engine's next run, as its equity buffer does.
/// </summary>
internal sealed class FillRecycler
{
    private readonly List<Fill> _made = [];
    private int _used;

    /// <summary>Starts a run: the fills handed out so far are taken back.</summary>
    public void Restart() => _used = 0;

    public Fill Next(string id, string orderId, Symbol symbol, OrderSide side, decimal price, decimal quantity, decimal fee, string feeAsset, bool isMaker,
        DateTimeOffset time)
    {
        if (_used < _made.Count) return _made[_used++].Reuse(id, orderId, symbol, side, price, quantity, fee, feeAsset, isMaker, time);
        var fill = new Fill
        {
            Id = id, OrderId = orderId, Symbol = symbol, Side = side, Price = price, Quantity = quantity, Fee = fee, FeeAsset = feeAsset,
            IsMaker = isMaker, Time = time,
        };
        _made.Add(fill);
        _used++;
        return fill;
    }
}
