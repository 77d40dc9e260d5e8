using System.Globalization;
using Trading.Core.Strategies;

namespace Trading.Services.Plugins;

/// <summary>The commented starter file `trading strategy new` writes. It compiles and signals as written.</summary>
public static class StrategyTemplate
{
    /// <summary>"my_strategy" → "MyStrategy".</summary>
    public static string ClassName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var parts = name.Split('_', StringSplitOptions.RemoveEmptyEntries);
        var pascal = string.Concat(parts.Select(p => char.ToUpper(p[0], CultureInfo.InvariantCulture) + p[1..]));
        return char.IsDigit(pascal[0]) ? "S" + pascal : pascal;
    }

    public static string Render(string name)
    {
        if (!StrategyRegistry.IsValidName(name))
            throw new ArgumentException($"Invalid strategy name '{name}': use lower snake_case like my_strategy (a letter first, then letters, digits or _).", nameof(name));
        var className = ClassName(name);
        if (!className.EndsWith("Strategy", StringComparison.Ordinal)) className += "Strategy";
        return $$""""
            // {{name}}: a plugin strategy for the trading platform.
            //
            // This file lives in the strategies folder (STRATEGIES_DIR, default ./strategies). The platform compiles every
            // .cs file there with Roslyn when it starts; compile errors are reported as file:line:col and never stop the
            // other strategies. `trading strategy list` shows this strategy, `trading strategy info --name {{name}}` describes it,
            // and a bot or a backtest uses it by its Name below.
            //
            // A plugin is trusted code: it runs with the platform's permissions (files, network, memory), so keep only files
            // you wrote or reviewed here. Listing and describing read this file without running it; keep Name and
            // Description string literals so they can be shown.
            //
            // Rules of the game:
            //  * OnCandle receives closed candles only, oldest first. Return a Signal to trade, or null to do nothing.
            //  * The context tells you your current position (sell only what you hold on spot) and the candle's time.
            //    There is no clock, exchange or database access: that keeps backtests and live trading identical.
            //  * Signal quantity is a suggestion; the bot's sizing and the risk gate decide the final order.
            //  * Keep OnCandle allocation-free when it returns null: backtests run it millions of times.
            using Trading.Core.Model;
            using Trading.Core.Strategies;

            namespace UserStrategies;

            public sealed class {{className}} : StrategyBase
            {
                // Typed parameters: defaults and ranges are validated by Configure and shown by `strategy info`.
                private static readonly StrategyParameter[] Definitions =
                [
                    StrategyParameter.Int("streak", 3, 1, 50, "Consecutive rising (or falling) candles needed for a signal."),
                    StrategyParameter.Decimal("quantity", 0.001m, 0.00000001m, 1000m, "Base-asset quantity to buy; a sell closes at most this much."),
                ];

                private int _streak;
                private decimal _quantity;
                private int _rising;
                private int _falling;

                public override string Name => "{{name}}";

                public override string Description =>
                    """
                    Example momentum strategy: buys after `streak` rising candles, sells after `streak` falling candles.
                    A candle rises when close > open and falls when close < open; any other candle resets both counts.
                    BUY quantity at the close when the rising count reaches streak and the position is flat.
                    SELL min(quantity, position) at the close when the falling count reaches streak and the position is > 0.
                    """;

                public override IReadOnlyList<StrategyParameter> Parameters => Definitions;

                public override int WarmUpPeriod => _streak;

                // Called after Configure validated the values: copy them into fields for a fast OnCandle.
                protected override void OnConfigured()
                {
                    _streak = GetInt("streak");
                    _quantity = GetDecimal("quantity");
                }

                public override void Reset()
                {
                    _rising = 0;
                    _falling = 0;
                }

                public override Signal? OnCandle(in Candle candle, StrategyContext context)
                {
                    _rising = candle.Close > candle.Open ? _rising + 1 : 0;
                    _falling = candle.Close < candle.Open ? _falling + 1 : 0;
                    if (_rising == _streak && context.PositionQuantity <= 0)
                        return CreateSignal(candle, context, OrderSide.Buy, _quantity, 60, $"{_streak} rising candles in a row");
                    if (_falling == _streak && context.PositionQuantity > 0)
                        return CreateSignal(candle, context, OrderSide.Sell, Math.Min(_quantity, context.PositionQuantity), 60, $"{_streak} falling candles in a row");
                    return null;
                }

                // Values stored with every signal (signal tracking) and drawn on charts.
                public override void WriteIndicatorValues(IDictionary<string, double> values)
                {
                    values["rising_streak"] = _rising;
                    values["falling_streak"] = _falling;
                }
            }

            """";
    }
}
