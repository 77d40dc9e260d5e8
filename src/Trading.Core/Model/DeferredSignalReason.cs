namespace Trading.Core.Model;

/// <summary>
/// A signal's reason kept as its inputs and formatted only when <see cref="Signal.Reason"/> is first read: a backtest
/// creates thousands of signals whose reasons nobody reads.
/// </summary>
internal abstract class DeferredSignalReason
{
    public abstract string Format();
}
