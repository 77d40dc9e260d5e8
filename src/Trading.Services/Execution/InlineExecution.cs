using Trading.Core.Model;

namespace Trading.Services.Execution;

/// <summary>
/// Joins the strategy engine and the order executor when one process hosts both. The engine then drives the executor
/// candle by candle for the symbols it trades: the venue sees each closed candle before the strategy, the strategy sees
/// the executor's position, and each signal is executed before the next candle, which is the order of events of a
/// backtest. Without it (separate processes) the two meet only on the bus.
/// </summary>
public sealed class InlineExecution
{
    private readonly TaskCompletionSource<IInlineExecutor> _executor = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<IReadOnlySet<Symbol>> _symbols = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The executor, once its service has built it.</summary>
    public Task<IInlineExecutor> Executor => _executor.Task;

    /// <summary>The symbols the engine drives, once it has created its strategies.</summary>
    public Task<IReadOnlySet<Symbol>> Symbols => _symbols.Task;

    public void Offer(IInlineExecutor executor) => _executor.TrySetResult(executor);

    public void Claim(IEnumerable<Symbol> symbols) => _symbols.TrySetResult(symbols.ToHashSet());

    /// <summary>True when the engine executes this symbol's signals itself (false until it has claimed its symbols).</summary>
    public bool Drives(Symbol symbol) => _symbols.Task.IsCompletedSuccessfully && _symbols.Task.Result.Contains(symbol);

    public void Fail(Exception e)
    {
        _executor.TrySetException(e);
        _symbols.TrySetException(e);
    }
}
