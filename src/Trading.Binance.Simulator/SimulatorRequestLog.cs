using System.Collections.Concurrent;

namespace Trading.Binance.Simulator;

/// <summary>Every REST request the simulator received, with the simulator time and the status it answered.</summary>
public sealed class SimulatorRequestLog
{
    private readonly ConcurrentQueue<SimulatorRequest> _requests = new();

    public IReadOnlyList<SimulatorRequest> All => [.. _requests];

    public int Count(string path) => _requests.Count(r => r.Path == path);

    internal void Add(SimulatorRequest request) => _requests.Enqueue(request);
}

public sealed record SimulatorRequest(string Path, string Query, DateTimeOffset Time, int Status);
