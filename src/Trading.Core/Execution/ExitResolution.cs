namespace Trading.Core.Execution;

public enum ExitKind
{
    None,
    StopLoss,
    TakeProfit,
}

/// <summary>Which protective level a candle hit first for a long position, and the exit price before fees.</summary>
public readonly record struct ExitResolution(ExitKind Kind, decimal Price, bool AtOpen)
{
    public static ExitResolution None => default;

    public bool Triggered => Kind != ExitKind.None;
}
