namespace Trading.Core.Data;

/// <summary>The kline value a CSV field holds; <see cref="None"/> for fields the parser skips.</summary>
public enum KlineField : byte
{
    None,
    Time,
    Open,
    High,
    Low,
    Close,
    Volume,
    CloseTime,
    QuoteVolume,
    Trades,
}
