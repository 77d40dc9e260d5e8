using Trading.Core.Model;

namespace Trading.Core.Portfolio;

/// <summary>
/// Spot portfolio accounting from fills (rules in docs/portfolio.md): average-cost positions whose cost basis
/// includes buy fees, realised PnL net of every fee, unrealised PnL at the latest mark, cash, equity,
/// daily PnL against the UTC day's starting equity, and drawdown from the equity peak. Selling more than is
/// held, or spending more cash than there is, throws <see cref="PortfolioException"/> and changes nothing.
/// </summary>
public sealed class PortfolioAccount
{
    private readonly Dictionary<Symbol, PositionBook> _books = [];
    private readonly List<PositionBook> _bookList = [];
    private readonly Dictionary<string, decimal> _otherFees = new(StringComparer.Ordinal);
    private readonly HashSet<string> _appliedFills = new(StringComparer.Ordinal);
    private long _nextDayTicks;
    private PositionBook? _lastBook;
    private decimal _positionsValue;
    private bool _positionsValueStale;

    /// <summary>The asset the account is kept in unless told otherwise.</summary>
    public const string DefaultQuoteAsset = "USDT";

    public PortfolioAccount(decimal initialCash, DateTimeOffset start, string quoteAsset = DefaultQuoteAsset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initialCash);
        ArgumentException.ThrowIfNullOrWhiteSpace(quoteAsset);
        QuoteAsset = quoteAsset;
        InitialCash = Cash = DayStartEquity = PeakEquity = initialCash;
        LastUpdate = start;
        _nextDayTicks = NextDayTicks(start);
    }

    public string QuoteAsset { get; }
    public decimal InitialCash { get; }
    public decimal Cash { get; private set; }
    public decimal RealizedPnl { get; private set; }

    /// <summary>Fees paid in the quote asset (including base-asset fees valued at their fill price).</summary>
    public decimal FeesPaid { get; private set; }

    /// <summary>Fees paid in third assets such as BNB, per asset; they are recorded but not in the PnL.</summary>
    public IReadOnlyDictionary<string, decimal> OtherFees => _otherFees;

    public decimal DayStartEquity { get; private set; }
    public decimal PeakEquity { get; private set; }
    public DateTimeOffset LastUpdate { get; private set; }

    public decimal PositionsValue
    {
        get
        {
            if (!_positionsValueStale) return _positionsValue;
            var value = 0m;
            foreach (var book in _bookList) value += book.MarketValue;
            _positionsValue = value;
            _positionsValueStale = false;
            return value;
        }
    }

    public decimal Equity => Cash + PositionsValue;

    public decimal UnrealizedPnl
    {
        get
        {
            var pnl = 0m;
            foreach (var book in _bookList) pnl += book.MarketValue - book.CostBasis;
            return pnl;
        }
    }

    public decimal DailyPnl => Equity - DayStartEquity;

    /// <summary>Drawdown from the equity peak as a fraction (0.05 = 5%).</summary>
    public decimal Drawdown => PeakEquity > 0 ? Math.Max(0m, (PeakEquity - Equity) / PeakEquity) : 0m;

    public int OpenPositionCount { get; private set; }

    public decimal Quantity(Symbol symbol) => _books.TryGetValue(symbol, out var book) ? book.Quantity : 0m;

    public bool TryGetLatestPrice(Symbol symbol, out decimal price)
    {
        price = _books.TryGetValue(symbol, out var book) ? book.LastPrice : 0m;
        return price > 0;
    }

    /// <summary>What the held quantity of <paramref name="symbol"/> cost, fees included (average cost).</summary>
    public decimal CostBasis(Symbol symbol) => _books.TryGetValue(symbol, out var book) ? book.CostBasis : 0m;

    public Position GetPosition(Symbol symbol) =>
        _books.TryGetValue(symbol, out var book) ? book.ToPosition() : new Position { Symbol = symbol };

    /// <summary>Positions that hold a quantity, in the order their symbols first appeared.</summary>
    public IReadOnlyList<Position> OpenPositions() =>
        _bookList.Where(b => b.Quantity > 0).Select(b => b.ToPosition()).ToArray();

    /// <summary>Values a symbol at <paramref name="price"/>; a new UTC day first fixes the day-start equity. Allocates nothing for a known symbol.</summary>
    public void Mark(Symbol symbol, decimal price, DateTimeOffset time)
    {
        if (price <= 0) throw new PortfolioException($"Mark price for {symbol} must be positive, got {price}.");
        AdvanceTo(time);
        var book = BookFor(symbol);
        book.LastPrice = price;
        _positionsValueStale = true;
        UpdatePeak();
    }

    /// <summary>Books one fill. A fill id seen before is ignored (returns false), so replays and redeliveries are harmless.</summary>
    public bool Apply(Fill fill)
    {
        EnsureValid(fill);
        if (!_appliedFills.Add(fill.Id)) return false; // one hash of the id; removed again if the fill is refused
        try
        {
            Book(fill);
        }
        catch
        {
            _appliedFills.Remove(fill.Id);
            throw;
        }
        return true;
    }

    /// <summary>
    /// Books a fill that cannot have been seen before, without keeping its id for the duplicate check: a backtest's venue
    /// numbers its fills, and a backtest holds no other source of fills.
    /// </summary>
    internal void ApplyNew(Fill fill)
    {
        EnsureValid(fill);
        Book(fill);
    }

    private static void EnsureValid(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (fill.Quantity <= 0 || fill.Price <= 0 || fill.Fee < 0)
            throw new PortfolioException($"Fill {fill.Id} needs a positive price and quantity and a non-negative fee.");
    }

    private void Book(Fill fill)
    {
        var book = BookFor(fill.Symbol);
        var wasOpen = book.Quantity > 0;
        var notional = fill.Notional;
        var isQuoteFee = fill.FeeAsset == QuoteAsset;
        var hasBaseFee = !isQuoteFee && fill.FeeAsset == book.BaseAsset;
        var quoteFee = isQuoteFee ? fill.Fee : 0m;
        var baseFee = hasBaseFee ? fill.Fee : 0m;
        var feeValue = hasBaseFee ? baseFee * fill.Price : quoteFee;

        if (fill.Side == OrderSide.Buy)
        {
            var cost = notional + quoteFee;
            if (cost > Cash)
                throw new PortfolioException($"Buy fill {fill.Id} costs {cost} {QuoteAsset} but cash is {Cash}.");
            if (hasBaseFee && baseFee >= fill.Quantity)
                throw new PortfolioException($"Buy fill {fill.Id} has a base fee {baseFee} not below its quantity {fill.Quantity}.");
            AdvanceTo(fill.Time);
            Cash -= cost;
            book.OpenedAt ??= fill.Time;
            book.Quantity += hasBaseFee ? fill.Quantity - baseFee : fill.Quantity;
            book.CostBasis += cost;
        }
        else
        {
            var sold = hasBaseFee ? fill.Quantity + baseFee : fill.Quantity;
            if (sold > book.Quantity)
                throw new PortfolioException($"Sell fill {fill.Id} of {sold} {book.BaseAsset} exceeds the {book.Quantity} held: spot cannot go short.");
            AdvanceTo(fill.Time);
            var costOut = sold == book.Quantity ? book.CostBasis : book.CostBasis * sold / book.Quantity;
            var proceeds = notional - quoteFee;
            Cash += proceeds;
            book.Quantity -= sold;
            book.CostBasis -= costOut;
            var realized = proceeds - costOut;
            book.RealizedPnl += realized;
            RealizedPnl += realized;
            if (book.Quantity == 0) book.OpenedAt = null;
        }

        if (!isQuoteFee && !hasBaseFee && fill.Fee > 0)
            _otherFees[fill.FeeAsset] = _otherFees.GetValueOrDefault(fill.FeeAsset) + fill.Fee;
        book.FeesPaid += feeValue;
        FeesPaid += feeValue;
        book.UpdatedAt = fill.Time;
        if (book.LastPrice <= 0) book.LastPrice = fill.Price;
        if (wasOpen != book.Quantity > 0) OpenPositionCount += wasOpen ? -1 : 1;
        _positionsValueStale = true;
        UpdatePeak();
    }

    /// <summary>
    /// Books a change of <paramref name="asset"/> that is no trade (a deposit, a withdrawal, a reconciliation fix) as a transfer:
    /// a base asset enters valued at <paramref name="price"/> (its cost basis; pass the latest price, or 0 when none is known)
    /// or leaves at its average cost, and the day-start and peak equity move by the value, so no PnL is made. An id seen
    /// before is ignored (returns false).
    /// </summary>
    public bool Adjust(string id, string asset, decimal delta, decimal price, DateTimeOffset time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(asset);
        ArgumentOutOfRangeException.ThrowIfNegative(price);
        if (delta == 0 || _appliedFills.Contains(id)) return false;
        var held = asset == QuoteAsset ? Cash : Quantity(new Symbol(asset + QuoteAsset));
        if (held + delta < 0) throw new PortfolioException($"Adjustment {id} of {delta} {asset} exceeds the {held} held.");
        AdvanceTo(time);
        var value = delta;
        if (asset == QuoteAsset)
            Cash += delta;
        else
        {
            var book = BookFor(new Symbol(asset + QuoteAsset));
            var wasOpen = book.Quantity > 0;
            if (book.LastPrice <= 0) book.LastPrice = price;
            value = delta * book.LastPrice;
            book.CostBasis += delta > 0 ? delta * price : book.CostBasis * delta / book.Quantity;
            book.Quantity += delta;
            book.UpdatedAt = time;
            if (book.Quantity == 0) book.OpenedAt = null;
            else book.OpenedAt ??= time;
            if (wasOpen != book.Quantity > 0) OpenPositionCount += wasOpen ? -1 : 1;
            _positionsValueStale = true;
        }
        DayStartEquity += value;
        PeakEquity += value;
        _appliedFills.Add(id);
        UpdatePeak();
        return true;
    }

    public PortfolioSnapshot Snapshot(string? botId = null)
    {
        var positionsValue = PositionsValue;
        return new PortfolioSnapshot
        {
            Time = LastUpdate,
            Equity = Cash + positionsValue,
            Cash = Cash,
            PositionsValue = positionsValue,
            RealizedPnl = RealizedPnl,
            UnrealizedPnl = UnrealizedPnl,
            DailyPnl = DailyPnl,
            Drawdown = Drawdown,
            BotId = botId,
        };
    }

    /// <summary>Moves the account clock; crossing into a new UTC day fixes that day's starting equity first.</summary>
    public void AdvanceTo(DateTimeOffset time)
    {
        if (time <= LastUpdate) return;
        if (time.UtcTicks >= _nextDayTicks)
        {
            DayStartEquity = Equity;
            _nextDayTicks = NextDayTicks(time);
        }
        LastUpdate = time;
    }

    /// <summary>The symbol's book, created empty on first use (an empty book changes no figure).</summary>
    internal PositionBook BookFor(Symbol symbol)
    {
        var last = _lastBook;
        if (last is not null && ReferenceEquals(last.Symbol.Name, symbol.Name)) return last;
        if (!_books.TryGetValue(symbol, out var book))
        {
            book = new PositionBook(symbol);
            _books.Add(symbol, book);
            _bookList.Add(book);
        }
        _lastBook = book;
        return book;
    }

    private void UpdatePeak()
    {
        var equity = Equity;
        if (equity > PeakEquity) PeakEquity = equity;
    }

    private static long NextDayTicks(DateTimeOffset time) => (time.UtcTicks / TimeSpan.TicksPerDay + 1) * TimeSpan.TicksPerDay;
}
