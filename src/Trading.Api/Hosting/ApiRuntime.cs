namespace Trading.Api.Hosting;

/// <summary>The running API's own facts: when it started and what it was told (see <see cref="ApiOptions"/>).</summary>
public sealed class ApiRuntime(ApiOptions options, TimeProvider time)
{
    public ApiOptions Options { get; } = options;

    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();
}
