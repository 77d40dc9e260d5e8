using System.Globalization;
using Trading.Core.Model;

namespace Trading.Core.Strategies.BuiltIn;

/// <summary>A fixed price grid that buys one lot per level crossed downwards and sells it one level higher.</summary>
public sealed class GridStrategy : StrategyBase
{
    private const int Confidence = 50;

    private static readonly StrategyParameter[] Definitions =
    [
        StrategyParameter.Decimal("lower", 20000m, 0.00000001m, 100_000_000m, "Lowest grid level (price)."),
        StrategyParameter.Decimal("upper", 30000m, 0.00000001m, 100_000_000m, "Highest grid level (price); must exceed lower."),
        StrategyParameter.Int("grid_count", 10, 1, 1000, "Number of equal zones between lower and upper (grid_count + 1 levels)."),
        StrategyParameter.Decimal("quantity", 0.001m, 0.00000001m, 1_000_000m, "Base-asset quantity per level (one lot)."),
    ];

    private decimal[] _levels = [];
    private bool[] _holding = [];
    private decimal _quantity;

    // Number of levels at or below the previous close (-1 before the first candle): levels [a, b) lie between two closes.
    private int _previousIndex = -1;

    public GridStrategy() => Configure();

    public override string Name => "grid";

    public override string Description =>
        """
        Fixed price grid: one lot bought per level crossed downwards, sold when price crosses the next level up.
        Levels: L_i = lower + i * (upper - lower) / grid_count for i = 0..grid_count.
        With p = previous candle's close and c = this close, price crosses DOWN through L when p >= L and c < L,
        and crosses UP through L when p < L and c >= L. The first candle only records p (warm-up 1).
        BUY: for every level L_i with i < grid_count crossed down whose lot is not held, mark lot i held;
        if any, one BUY of quantity x (lots marked) at the close.
        SELL: for every level L_j with j >= 1 crossed up whose lot j-1 is held, clear lot j-1;
        if any, one SELL of min(quantity x (lots cleared), position) at the close, only when position > 0.
        A lot is traded once until the opposite crossing re-arms it, so bounces inside a zone or around one level
        never signal twice. Lots start empty. Confidence is always 50.
        """;

    public override IReadOnlyList<StrategyParameter> Parameters => Definitions;

    public override int WarmUpPeriod => 1;

    public override Signal? OnCandle(in Candle candle, StrategyContext context)
    {
        var close = candle.Close;
        var index = _previousIndex;
        if (index < 0) index = 0;
        while (index < _levels.Length && _levels[index] <= close) index++;
        while (index > 0 && _levels[index - 1] > close) index--;
        var previous = _previousIndex;
        _previousIndex = index;
        if (previous < 0 || index == previous) return null;
        return index < previous ? Buy(candle, context, index, previous) : Sell(candle, context, previous, index);
    }

    public override void Reset()
    {
        Array.Clear(_holding);
        _previousIndex = -1;
    }

    public override void WriteIndicatorValues(IDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        values["grid_lots_held"] = _holding.Count(h => h);
        values["grid_lower"] = (double)_levels[0];
        values["grid_upper"] = (double)_levels[^1];
    }

    protected override void OnConfigured()
    {
        var lower = GetDecimal("lower");
        var upper = GetDecimal("upper");
        if (upper <= lower) throw Invalid($"upper ({upper}) must be greater than lower ({lower})");
        var count = GetInt("grid_count");
        _quantity = GetDecimal("quantity");
        _levels = new decimal[count + 1];
        for (var i = 0; i <= count; i++) _levels[i] = lower + (i * (upper - lower) / count);
        _holding = new bool[count];
    }

    // Levels crossed down are [index, previous): each was <= the previous close and is > this close.
    private Signal? Buy(in Candle candle, StrategyContext context, int index, int previous)
    {
        var lots = 0;
        for (var i = index; i < previous && i < _holding.Length; i++)
        {
            if (_holding[i]) continue;
            _holding[i] = true;
            lots++;
        }
        if (lots == 0) return null;
        var reason = string.Create(CultureInfo.InvariantCulture, $"close {candle.Close} crossed down through grid level(s) {_levels[index]}..{_levels[previous - 1]}; buying {lots} lot(s)");
        return CreateSignal(candle, context, OrderSide.Buy, _quantity * lots, Confidence, reason);
    }

    // Levels crossed up are [previous, index): each was > the previous close and is <= this close; level j sells lot j-1.
    private Signal? Sell(in Candle candle, StrategyContext context, int previous, int index)
    {
        var lots = 0;
        for (var j = Math.Max(previous, 1); j < index; j++)
        {
            if (!_holding[j - 1]) continue;
            _holding[j - 1] = false;
            lots++;
        }
        if (lots == 0 || context.PositionQuantity <= 0) return null;
        var quantity = Math.Min(_quantity * lots, context.PositionQuantity);
        var reason = string.Create(CultureInfo.InvariantCulture, $"close {candle.Close} crossed up through grid level(s) {_levels[previous]}..{_levels[index - 1]}; selling {lots} lot(s)");
        return CreateSignal(candle, context, OrderSide.Sell, quantity, Confidence, reason);
    }
}
