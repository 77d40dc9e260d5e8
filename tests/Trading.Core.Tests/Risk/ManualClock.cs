namespace Trading.Core.Tests.Risk;

/// <summary>A clock the test sets by hand (the TimeProvider testing package is not served here).</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
