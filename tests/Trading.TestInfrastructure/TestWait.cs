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
}
