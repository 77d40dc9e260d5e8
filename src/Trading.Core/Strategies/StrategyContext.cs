using Trading.Core.Model;

namespace Trading.Core.Strategies;

/// <summary>
/// Everything a strategy may read besides the candle: its position, the current candle's time and the latest closed
/// candles of the series it declared. No clock, no exchange, no store. The runner (backtest or engine) owns one
/// context per strategy instance and reuses it for every call, so the hot path allocates nothing.
/// </summary>
public sealed class StrategyContext
{
    private readonly Dictionary<(Symbol, Timeframe), Candle>? _latest;
    private Dictionary<Symbol, decimal>? _positions;
    private decimal _averagePrice;
    private decimal _pendingQuantity;
    private decimal _pendingCostBasis;
    private bool _averagePending;
    private long _closeTimeMs = long.MinValue;
    private Symbol _closeSymbol;
    private Timeframe _closeTimeframe;
    private double _close;

    public StrategyContext(Symbol symbol, Timeframe timeframe, string? botId = null, IReadOnlyList<StrategyInput>? extraInputs = null)
    {
        Symbol = symbol;
        Timeframe = timeframe;
        BotId = botId;
        if (extraInputs is { Count: > 0 })
        {
            _latest = [];
            ExtraSeries = extraInputs.Select(i => (i.Resolve(symbol), i.Timeframe)).Distinct().ToArray();
        }
    }

    /// <summary>The bot's own symbol.</summary>
    public Symbol Symbol { get; }

    /// <summary>The bot's own timeframe.</summary>
    public Timeframe Timeframe { get; }

    public string? BotId { get; }

    /// <summary>The resolved extra series the runner must feed through <see cref="Observe"/>, besides the bot's own.</summary>
    public IReadOnlyList<(Symbol Symbol, Timeframe Timeframe)> ExtraSeries { get; } = [];

    /// <summary>The market the strategy trades: on USDⓈ-M futures a sell when flat opens a short.</summary>
    public MarketType Market { get; init; }

    /// <summary>True on futures, where a strategy may sell what it does not hold (a short).</summary>
    public bool CanShort => Market == MarketType.Usdm;

    /// <summary>
    /// Base-asset quantity held in <see cref="Symbol"/> (0 when flat; negative for a futures short). Set by the runner from
    /// the portfolio.
    /// </summary>
    public decimal PositionQuantity { get; set; }

    /// <summary>Average entry price of the position in <see cref="Symbol"/>, 0 when flat.</summary>
    public decimal PositionAveragePrice
    {
        get
        {
            if (_averagePending)
            {
                _averagePrice = _pendingQuantity > 0 ? _pendingCostBasis / _pendingQuantity : 0m;
                _averagePending = false;
            }
            return _averagePrice;
        }
        set
        {
            _averagePrice = value;
            _averagePending = false;
        }
    }

    /// <summary>Close time (Unix ms) of the candle being processed: the strategy's "now".</summary>
    public long TimeMs { get; private set; }

    /// <summary>
    /// Indicator series a backtest computed once for many runs (the optimizer), or null (live, single runs).
    /// Strategies read them only through <see cref="PrecomputedSeries.At"/>, which gives the current candle's value.
    /// </summary>
    public IPrecomputedIndicators? Precomputed { get; set; }

    /// <summary>Position of the current candle in the runner's candle array (backtests); -1 when there is none.</summary>
    public int CandleIndex { get; private set; } = -1;

    /// <summary>
    /// Backtest engine side: <see cref="Observe(in Candle)"/> plus the candle's position in the shared array and its close
    /// as a double, converted once for all runs. Internal, so a plugin strategy cannot move its own index forward to read
    /// a precomputed value of a later candle.
    /// </summary>
    internal void Observe(in Candle candle, int candleIndex, double close)
    {
        CandleIndex = candleIndex;
        Observe(candle);
        _closeTimeMs = candle.CloseTimeMs;
        _closeSymbol = candle.Symbol;
        _closeTimeframe = candle.Timeframe;
        _close = close;
    }

    /// <summary>
    /// <paramref name="candle"/>'s close as a double, for indicator math: a backtest's value converted once up front when
    /// it is the candle the engine observed last, converted here otherwise. Same value either way.
    /// </summary>
    public double CloseOf(in Candle candle) =>
        candle.CloseTimeMs == _closeTimeMs && candle.Symbol == _closeSymbol && candle.Timeframe == _closeTimeframe
            ? _close
            : (double)candle.Close;

    /// <summary>Runner side: marks <paramref name="candle"/> as the latest closed candle of its series and makes its close "now".</summary>
    public void Observe(in Candle candle)
    {
        TimeMs = candle.CloseTimeMs;
        if (_latest is not null) _latest[(candle.Symbol, candle.Timeframe)] = candle;
    }

    /// <summary>The latest closed candle of a declared series (or the bot's own), as of <see cref="TimeMs"/>.</summary>
    public bool TryGetLatest(Symbol symbol, Timeframe timeframe, out Candle candle)
    {
        candle = default;
        return _latest is not null && _latest.TryGetValue((symbol, timeframe), out candle);
    }

    /// <summary>Position in another symbol of a multi-symbol strategy; <see cref="PositionQuantity"/> for the bot's own.</summary>
    public decimal GetPosition(Symbol symbol) =>
        symbol == Symbol ? PositionQuantity : _positions?.GetValueOrDefault(symbol) ?? 0m;

    /// <summary>
    /// The bot's own position from its quantity and fee-inclusive cost basis. The average price (cost basis / quantity,
    /// as the portfolio computes it) is divided out only if a strategy reads it: most never do, and a backtest sets this
    /// after every fill.
    /// </summary>
    public void SetOwnPosition(decimal quantity, decimal costBasis)
    {
        PositionQuantity = quantity;
        _pendingQuantity = quantity;
        _pendingCostBasis = costBasis;
        _averagePending = true;
    }

    public void SetPosition(Symbol symbol, decimal quantity)
    {
        if (symbol == Symbol) PositionQuantity = quantity;
        else (_positions ??= [])[symbol] = quantity;
    }

    /// <summary>Forgets positions and series state; used when a runner starts over.</summary>
    public void Clear()
    {
        PositionQuantity = 0;
        PositionAveragePrice = 0;
        TimeMs = 0;
        _closeTimeMs = long.MinValue;
        _positions?.Clear();
        _latest?.Clear();
    }
}
