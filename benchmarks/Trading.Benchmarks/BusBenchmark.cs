using System.Diagnostics;
using System.Text.Json;
using Trading.Core.Messaging;
using Trading.Messaging;

namespace Trading.Benchmarks;

/// <summary>
/// Messages per second through the in-process bus: one publisher, and (a) one group with one subscriber,
/// (b) two groups, (c) one group of four subscribers. Each message has a fresh id (dedupe is on).
/// Options: --messages N (default 1,000,000), --capacity N (default 1024).
/// </summary>
public static class BusBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var messages = BenchArgs.Int(args, "--messages", 1_000_000);
        var capacity = BenchArgs.Int(args, "--capacity", 1024);
        Console.WriteLine($"{messages:N0} messages per case, capacity {capacity}");
        await Case("1 group x 1 subscriber", messages, capacity, groups: 1, subscribersPerGroup: 1);
        await Case("2 groups x 1 subscriber", messages, capacity, groups: 2, subscribersPerGroup: 1);
        await Case("1 group x 4 subscribers", messages, capacity, groups: 1, subscribersPerGroup: 4);
        return 0;
    }

    private static async Task Case(string name, int messages, int capacity, int groups, int subscribersPerGroup)
    {
        await using var bus = new InProcessMessageBus(new InProcessBusOptions { Capacity = capacity });
        var payload = JsonSerializer.SerializeToElement(new { price = 1m }, MessageJson.Options);
        var expected = (long)messages * groups;
        long handled = 0;
        var done = new TaskCompletionSource();
        using var stop = new CancellationTokenSource();
        var consumers = new List<Task>();
        for (var g = 0; g < groups; g++)
            for (var s = 0; s < subscribersPerGroup; s++)
                consumers.Add(bus.SubscribeAsync("bench", $"g{g}", (_, _) =>
                {
                    if (Interlocked.Increment(ref handled) == expected) done.TrySetResult();
                    return ValueTask.CompletedTask;
                }, stop.Token));

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var time = DateTimeOffset.UnixEpoch;
        for (var i = 0; i < messages; i++)
            await bus.PublishAsync("bench", new MessageEnvelope(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "bench", 1, time, payload));
        await done.Task;
        wall.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(consumers);
        Console.WriteLine($"{name,-26} {expected / wall.Elapsed.TotalSeconds / 1e6,6:F2} M deliveries/wall-s  {expected / cpuSeconds / 1e6,6:F2} M deliveries/CPU-s");
    }
}
