using Xunit;

namespace Trading.TestInfrastructure;

public static class FakeTimeDriver
{
    /// <summary>Advances fake time in steps until the task completes (the task waits on fake-time timers).</summary>
    public static async Task<T> AdvanceUntilDoneAsync<T>(this ManualTimeProvider time, Task<T> task, TimeSpan step, int maxSteps = 2000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.WhenAny(task, Task.Delay(5, TestContext.Current.CancellationToken));
            if (!task.IsCompleted) time.Advance(step);
        }
        return await task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }
}
