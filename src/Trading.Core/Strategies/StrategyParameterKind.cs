namespace Trading.Core.Strategies;

/// <summary>The value type of a strategy parameter.</summary>
public enum StrategyParameterKind
{
    Int,
    Decimal,
    Double,
    Bool,
    Choice,
}
