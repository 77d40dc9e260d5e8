namespace Trading.Core.Strategies;

/// <summary>A strategy was given an unknown, ill-typed or out-of-range parameter value.</summary>
public sealed class StrategyConfigurationException : Exception
{
    public StrategyConfigurationException()
    {
    }

    public StrategyConfigurationException(string message)
        : base(message)
    {
    }

    public StrategyConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
