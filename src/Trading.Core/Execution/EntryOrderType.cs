namespace Trading.Core.Execution;

/// <summary>How the kernel enters a position: a market order, or a limit order at the signal price.</summary>
public enum EntryOrderType
{
    Market,
    Limit,
}
