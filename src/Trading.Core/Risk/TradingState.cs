namespace Trading.Core.Risk;

/// <summary>The risk gate's trading state. Halted is the kill switch; Reducing allows only exits.</summary>
public enum TradingState
{
    Active,
    Halted,
    Reducing,
}
