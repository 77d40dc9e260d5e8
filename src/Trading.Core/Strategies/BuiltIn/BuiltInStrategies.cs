namespace Trading.Core.Strategies.BuiltIn;

/// <summary>The strategies that ship with the platform.</summary>
public static class BuiltInStrategies
{
    public static IReadOnlyList<Func<StrategyBase>> Factories { get; } =
    [
        () => new RsiStrategy(),
        () => new GridStrategy(),
        () => new SmaCrossoverStrategy(),
        () => new MeanReversionStrategy(),
        () => new SupertrendStrategy(),
        () => new SqueezeStrategy(),
        () => new RegimeSwitchStrategy(),
    ];

    /// <summary>A registry holding every built-in; plugins may be added afterwards.</summary>
    public static StrategyRegistry CreateRegistry()
    {
        var registry = new StrategyRegistry();
        foreach (var factory in Factories) registry.TryRegister(factory, StrategyRegistration.BuiltInSource);
        return registry;
    }
}
