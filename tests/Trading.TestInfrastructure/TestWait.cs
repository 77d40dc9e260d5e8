namespace Trading.TestInfrastructure;

public static class TestWait
{
    /// <summary>Awaits a condition that has no event of its own, checking it between short waits, up to a timeout.</summary>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Condition not met within {timeout}.");
            await Task.Delay(10, ct);
        }
    }

    /// <summary>As <see cref="UntilAsync(Func{bool}, TimeSpan, CancellationToken)"/> for a condition that must be queried (a store, a file).</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Condition not met within {timeout}.");
            await Task.Delay(50, ct);
        }
    }
}
