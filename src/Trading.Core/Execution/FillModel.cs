using Trading.Core.Model;
using Trading.Core.Risk;

namespace Trading.Core.Execution;

/// <summary>
/// The pure price rules shared by the backtester and paper trading (see docs/fills.md): market orders at the
/// next open plus slippage, limit orders when the price trades through, the intra-candle path for stops
/// and targets, and fees in the quote asset.
/// </summary>
public sealed class FillModel
{
    private const decimal BpsPerUnit = 10_000m;
    private readonly decimal _slippage;
    private readonly decimal _makerRate;
    private readonly decimal _takerRate;

    public FillModel(FillModelOptions? options = null)
    {
        Options = options ?? new FillModelOptions();
        Options.Validate();
        _slippage = Options.SlippageBps / BpsPerUnit;
        _makerRate = Options.MakerFeeBps / BpsPerUnit;
        _takerRate = Options.TakerFeeBps / BpsPerUnit;
    }

    public FillModelOptions Options { get; }

    public decimal MakerFeeRate => _makerRate;

    public decimal TakerFeeRate => _takerRate;

    /// <summary>The fee in the quote asset on <paramref name="notional"/>.</summary>
    public decimal Fee(decimal notional, bool isMaker) => notional * (isMaker ? _makerRate : _takerRate);

    /// <summary>
    /// A market (or triggered stop) price: <paramref name="price"/> moved by the slippage against the trader
    /// (up for buys, down for sells), then put on the tick, again against the trader.
    /// </summary>
    public decimal MarketPrice(OrderSide side, decimal price, SymbolFilters? filters = null)
    {
        var tick = filters?.TickSize ?? 0m;
        if (side == OrderSide.Buy)
        {
            var up = price * (1m + _slippage);
            return tick > 0 ? StepRounding.CeilingAsDivision(up, tick) : up;
        }
        var down = price * (1m - _slippage);
        return tick > 0 ? StepRounding.FloorAsDivision(down, tick) : down;
    }

    /// <summary>
    /// A resting limit order fills when the candle trades through it (low ≤ limit for a buy, high ≥ limit for a
    /// sell): at the limit price, or at the open when the candle opens beyond it (a gap).
    /// </summary>
    public static bool TryFillLimit(OrderSide side, decimal limitPrice, in Candle candle, out decimal price, out bool atOpen)
    {
        if (side == OrderSide.Buy)
        {
            atOpen = candle.Open <= limitPrice;
            price = atOpen ? candle.Open : limitPrice;
            return atOpen || candle.Low <= limitPrice;
        }
        atOpen = candle.Open >= limitPrice;
        price = atOpen ? candle.Open : limitPrice;
        return atOpen || candle.High >= limitPrice;
    }

    /// <summary>
    /// The assumed path inside a candle: the extreme nearer the open comes first (O→H→L→C when the high is
    /// nearer, else O→L→H→C). A tie goes low first, the pessimistic order for a long position.
    /// </summary>
    public static bool HighFirst(in Candle candle) => candle.High - candle.Open < candle.Open - candle.Low;

    /// <summary>
    /// Resolves a long position's stop-loss and take-profit on one candle. A level the open is already beyond
    /// fires at the open; otherwise the level hit first along the assumed path fires at its own price.
    /// Slippage is not applied here: callers apply <see cref="MarketPrice"/> to stop exits.
    /// </summary>
    public static ExitResolution ResolveLongExit(in Candle candle, decimal? stopLoss, decimal? takeProfit)
    {
        if (stopLoss is { } stopAtOpen && candle.Open <= stopAtOpen)
            return new ExitResolution(ExitKind.StopLoss, candle.Open, true);
        if (takeProfit is { } targetAtOpen && candle.Open >= targetAtOpen)
            return new ExitResolution(ExitKind.TakeProfit, candle.Open, true);

        var stopHit = stopLoss is { } stop && candle.Low <= stop;
        var targetHit = takeProfit is { } target && candle.High >= target;
        if (stopHit && targetHit)
            return HighFirst(candle)
                ? new ExitResolution(ExitKind.TakeProfit, takeProfit!.Value, false)
                : new ExitResolution(ExitKind.StopLoss, stopLoss!.Value, false);
        if (stopHit) return new ExitResolution(ExitKind.StopLoss, stopLoss!.Value, false);
        if (targetHit) return new ExitResolution(ExitKind.TakeProfit, takeProfit!.Value, false);
        return ExitResolution.None;
    }
}
