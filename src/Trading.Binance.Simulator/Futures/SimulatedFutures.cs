using Trading.Binance.Simulator.Matching;
using Trading.Core.Futures;
using Trading.Core.Model;

namespace Trading.Binance.Simulator.Futures;

/// <summary>
/// The simulator's USDⓈ-M side (docs/simulator.md, "Futures"): one USDT account in isolated margin, one-way or hedge mode,
/// leverage and margin type per symbol, orders, funding and liquidation. The arithmetic is Trading.Core's
/// <see cref="FuturesAccount"/> and <see cref="FuturesMath"/>, the same the backtester books with. Every change runs under
/// one lock; tests read the snapshots directly.
/// </summary>
public sealed partial class SimulatedFutures
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Symbol, FuturesSymbolState> _symbols = [];
    private readonly FuturesAccount _account;
    private readonly List<FuturesOrder> _orders = [];
    private readonly List<FuturesIncome> _income = [];
    private readonly SimulatorTradingOptions _trading;
    private readonly SimulatedMarket _market;
    private readonly TimeProvider _time;
    private long _nextOrderId = 1;
    private long _nextTranId = 1;
    private long _nextClientId;

    internal SimulatedFutures(IReadOnlyList<SymbolInfo> symbols, SimulatedMarket market, FuturesSimulatorOptions options, SimulatorTradingOptions trading, TimeProvider time)
    {
        Options = options;
        _trading = trading;
        _market = market;
        _time = time;
        _account = new FuturesAccount(options.StartingWallet);
        foreach (var brackets in options.Brackets)
        {
            if (symbols.FirstOrDefault(s => s.Symbol == brackets.Symbol) is not { } info) continue;
            var funding = options.FundingFor(info.Symbol);
            var series = PricingSeries(info.Symbol);
            var replayStart = series is { } ps && ps.ReplayStartIndex < ps.Candles.Count ? ps.Candles[ps.ReplayStartIndex].OpenTimeMs : long.MaxValue;
            var state = new FuturesSymbolState(info, brackets, Math.Min(options.DefaultLeverage, brackets.MaxLeverage), funding,
                replayStart == long.MaxValue ? default : funding.Start(replayStart));
            if (series is { Cursor: > 0 } priced)
            {
                state.Mark = priced.Candles[priced.Cursor - 1].Close;
                state.BarVolume = priced.Candles[priced.Cursor - 1].Volume;
            }
            _symbols[info.Symbol] = state;
        }
    }

    public FuturesSimulatorOptions Options { get; }

    /// <summary>Hedge mode (POST /fapi/v1/positionSide/dual): LONG and SHORT positions side by side; false is one-way (BOTH).</summary>
    public bool DualSidePosition { get; private set; }

    public IReadOnlyList<SymbolInfo> Symbols => _symbols.Values.Select(s => s.Info).ToList();

    public decimal WalletBalance
    {
        get { lock (_lock) return _account.WalletBalance; }
    }

    public decimal AvailableBalance
    {
        get { lock (_lock) return _account.AvailableBalance; }
    }

    public IReadOnlyList<FuturesPositionView> Positions
    {
        get { lock (_lock) return _account.Positions.Select(FuturesPositionView.Of).ToList(); }
    }

    public IReadOnlyList<FuturesOrder> Orders
    {
        get { lock (_lock) return _orders.Select(o => o.Snapshot()).ToList(); }
    }

    public IReadOnlyList<FuturesIncome> Income
    {
        get { lock (_lock) return [.. _income]; }
    }

    public FuturesPositionView? Position(Symbol symbol, PositionSide side)
    {
        lock (_lock) return _account.Find(symbol, side) is { } p ? FuturesPositionView.Of(p) : null;
    }

    public int Leverage(Symbol symbol)
    {
        lock (_lock) return State(symbol).Leverage;
    }

    public bool IsIsolated(Symbol symbol)
    {
        lock (_lock) return State(symbol).Isolated;
    }

    public LeverageBrackets Brackets(Symbol symbol)
    {
        lock (_lock) return State(symbol).Brackets;
    }

    public decimal? MarkPrice(Symbol symbol)
    {
        lock (_lock) return State(symbol).Mark;
    }

    public bool IsFutures(Symbol symbol) => _symbols.ContainsKey(symbol);

    internal (decimal? Mark, decimal LastRate, long NextFundingMs) PremiumIndex(Symbol symbol)
    {
        lock (_lock)
        {
            var s = State(symbol);
            var next = s.Cursor.NextMs;
            return (s.Mark, s.Settlements.Count > 0 ? s.LastFundingRate : NextRate(s), next == 0 ? long.MaxValue : next);
        }
    }

    public IReadOnlyList<FundingSettlement> Settlements(Symbol symbol)
    {
        lock (_lock) return [.. State(symbol).Settlements];
    }

    public void SetDualSidePosition(bool dual)
    {
        lock (_lock)
        {
            if (dual == DualSidePosition) throw FuturesErrors.NoNeedToChangePositionSide();
            if (_orders.Any(o => o.IsOpen)) throw FuturesErrors.PositionSideWithOpenOrders();
            if (_account.Positions.Count > 0) throw FuturesErrors.PositionSideWithPosition();
            DualSidePosition = dual;
        }
    }

    public void SetMarginType(Symbol symbol, bool isolated)
    {
        lock (_lock)
        {
            var s = State(symbol);
            if (s.Isolated == isolated) throw FuturesErrors.NoNeedToChangeMarginType();
            if (HasPosition(symbol)) throw FuturesErrors.MarginTypeWithPosition();
            if (_orders.Any(o => o.IsOpen && o.Symbol == symbol)) throw FuturesErrors.MarginTypeWithOpenOrders();
            s.Isolated = isolated;
        }
    }

    /// <summary>POST /fapi/v1/leverage: 1 up to the first bracket's maximum; the open position must fit the new leverage's notional.</summary>
    public (int Leverage, decimal MaxNotional) SetLeverage(Symbol symbol, int leverage)
    {
        lock (_lock)
        {
            var s = State(symbol);
            if (leverage < 1 || leverage > s.Brackets.MaxLeverage) throw FuturesErrors.InvalidLeverage(leverage);
            if (leverage < s.Leverage && s.Isolated && HasPosition(symbol)) throw FuturesErrors.LeverageReductionWithPosition();
            s.Leverage = leverage;
            return (leverage, s.MaxNotional);
        }
    }

    internal FuturesSymbolState State(Symbol symbol) => _symbols.GetValueOrDefault(symbol) ?? throw SimulatorRejection.InvalidSymbol();

    private bool HasPosition(Symbol symbol) => _account.Positions.Any(p => p.Symbol == symbol);

    private static decimal NextRate(FuturesSymbolState s) => s.Cursor.NextMs is 0 or long.MaxValue ? 0m : s.Cursor.Rate;

    private long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private SimulatedSeries? PricingSeries(Symbol symbol) => _market.Series.Where(s => s.Symbol == symbol).MinBy(s => s.Timeframe.DurationMs);

    private void AddIncome(Symbol symbol, string type, decimal amount, long timeMs, string info = "")
    {
        if (amount != 0) _income.Add(new FuturesIncome(symbol, type, amount, timeMs, _nextTranId++, info));
    }

    private string NextClientId() => $"simfut{Interlocked.Increment(ref _nextClientId):D10}";
}
