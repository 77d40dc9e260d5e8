namespace Trading.Services.Execution;

/// <summary>One executor step's hold: the store's trading lock inside the executor's own turn; disposing releases both, inner first.</summary>
internal sealed class LockedStep(IAsyncDisposable storeLock, SemaphoreSlim turn) : IAsyncDisposable
{
    private int _released;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0) return;
        try
        {
            await storeLock.DisposeAsync();
        }
        finally
        {
            turn.Release();
        }
    }
}
