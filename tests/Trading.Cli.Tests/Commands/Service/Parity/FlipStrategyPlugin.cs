namespace Trading.Cli.Tests.Commands.Service.Parity;

/// <summary>
/// A plugin strategy that signals on every closed candle and decides by its position: buy 0.002 when it holds less than
/// 0.001, otherwise sell what it holds. Each candle thus becomes one signal, and a process that saw a stale or missing
/// position would signal differently from one that saw the right one.
/// </summary>
internal static class FlipStrategyPlugin
{
    public const string Name = "flip";

    public const string Source = """
        using Trading.Core.Model;
        using Trading.Core.Strategies;

        namespace UserStrategies;

        public sealed class FlipStrategy : StrategyBase
        {
            public override string Name => "flip";

            public override string Description => "Buys 0.002 when holding less than 0.001, else sells the position; on every candle.";

            public override IReadOnlyList<StrategyParameter> Parameters => [];

            public override Signal? OnCandle(in Candle candle, StrategyContext context) =>
                context.PositionQuantity < 0.001m
                    ? CreateSignal(candle, context, OrderSide.Buy, 0.002m, 50, "flat: buy")
                    : CreateSignal(candle, context, OrderSide.Sell, context.PositionQuantity, 50, "holding: sell");
        }
        """;
}
