using Trading.Services.Execution;

namespace Trading.Api.Hosting;

/// <summary>What the process hosting the API tells it: its mode, the platform services it runs, and the API's limits.</summary>
public sealed record ApiOptions
{
    /// <summary>The name of the market-data collector among <see cref="Services"/>; readiness checks its connection.</summary>
    public const string CollectorService = "data-collector";

    public ExecutionMode Mode { get; init; } = ExecutionMode.DryRun;

    /// <summary>The platform services this process hosts beside the API (empty for `trading api`).</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>Overrides TRADING_API_PORT (the `--port` option); 0 takes any free port.</summary>
    public int? Port { get; init; }

    /// <summary>Requests with a valid key, per key and second (each answer is cheap; this caps a runaway client).</summary>
    public int ReadsPerSecond { get; init; } = 100_000;

    /// <summary>POST and DELETE requests with a valid key, per minute.</summary>
    public int ActionsPerMinute { get; init; } = 120;

    /// <summary>Requests without a valid key, per client address and minute: a key cannot be guessed by trying.</summary>
    public int AnonymousPerMinute { get; init; } = 120;

    public long MaxRequestBodyBytes { get; init; } = 64 * 1024;
}
