namespace Trading.Services.Tests;

public static class TaskAssertions
{
    /// <summary>Awaits the task; on a timeout, fails with what the component logged.</summary>
    public static async Task ShouldCompleteAsync<T>(this Task task, RecordingLogger<T> log)
    {
        try
        {
            await task;
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Timed out; the log says:{Environment.NewLine}{log}", ex);
        }
    }
}
