using Trading.Core.Model;

namespace Trading.Core.Backtesting;

/// <summary>
/// Turns fills into <see cref="ClosedTrade"/>s with the average-cost method: a sell closes part or all of the held
/// quantity at the average buy price; the buy fees are shared out in proportion to the quantity sold. The PnL is the
/// portfolio's realised PnL of that sell (net of all fees), passed in so there is one accounting.
/// </summary>
internal sealed class TradeRecorder
{
    private readonly List<ClosedTrade> _trades = [];
    private decimal _quantity;
    private decimal _notional;
    private decimal _fees;
    private long _openedMs;
    private decimal? _singleEntryPrice;

    public List<ClosedTrade> Trades => _trades;

    public void OnBuy(Fill fill)
    {
        var first = _quantity == 0;
        if (first) _openedMs = fill.Time.ToUnixTimeMilliseconds();
        var notional = fill.Notional;
        _singleEntryPrice = first && notional.Scale == fill.Price.Scale + fill.Quantity.Scale ? fill.Price : null;
        _quantity += fill.Quantity;
        _notional += notional;
        _fees += fill.Fee;
    }

    public void OnSell(Fill fill, decimal realizedPnl)
    {
        if (_quantity <= 0) return;
        var share = fill.Quantity >= _quantity ? 1m : fill.Quantity / _quantity;
        var entryFees = _fees * share;
        // One exact buy since flat: notional / quantity is that buy's price, digits and scale alike.
        var entryPrice = _singleEntryPrice ?? _notional / _quantity;
        _trades.Add(new ClosedTrade(_openedMs, fill.Time.ToUnixTimeMilliseconds(), entryPrice, fill.Price, fill.Quantity, realizedPnl, entryFees + fill.Fee));
        _quantity -= fill.Quantity;
        _notional -= _notional * share;
        _fees -= entryFees;
        _singleEntryPrice = null;
        if (_quantity <= 0) _quantity = _notional = _fees = 0;
    }
}
