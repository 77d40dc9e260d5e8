using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;
using Trading.Core.Messaging;
using Trading.Messaging;
using Trading.Messaging.Redis;
using Trading.TestInfrastructure.Servers;

namespace Trading.Benchmarks;

/// <summary>
/// Messages per second through the Redis Streams bus against a real redis-server on loopback: one publisher keeping
/// <c>--window</c> publishes in flight (the client pipelines them on its connection), one consumer group with one
/// subscriber, timed until every message is handled and acknowledged (XPENDING is empty). In the same run, redis-benchmark
/// with the same pipelining (<c>-P window</c>) adding the same entry (the bus's fields id, type and envelope) gives the
/// server's bare XADD rate as the reference (this redis-benchmark, 7.0, has no built-in xadd test).
/// Options: --messages N (default 200,000), --window P (default 64), --rounds R (default 5), --clients C (redis-benchmark connections, default 1 like the bus).
/// </summary>
public static class RedisBusBenchmark
{
    private static readonly JsonElement Payload = JsonSerializer.SerializeToElement(new { symbol = "BTCUSDT", price = 43_210.5m, quantity = 0.001m }, MessageJson.Options);

    public static async Task<int> RunAsync(string[] args)
    {
        var messages = BenchArgs.Int(args, "--messages", 200_000);
        var window = BenchArgs.Int(args, "--window", 64);
        var rounds = BenchArgs.Int(args, "--rounds", 5);
        var clients = BenchArgs.Int(args, "--clients", 1);
        await using var server = await RedisServer.StartAsync();
        Console.WriteLine($"redis-server on {server.Url}; {messages:N0} messages per round, {window} publishes in flight, {rounds} rounds; load {LoadAverage()}");
        if (args.Contains("--ceiling"))
        {
            for (var r = 0; r < rounds; r++)
                await RedisClientCeiling.RunAsync(server.Port, messages, window, JsonSerializer.SerializeToUtf8Bytes(SampleEnvelope(0), MessageJson.Options));
            return 0;
        }
        var bus = new List<double>();
        var xadd = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var rate = await BusRoundAsync(server, $"bench-{round}", messages, window, args.Contains("--single"));
            var reference = await XaddReferenceAsync(server.Port, messages, window, clients, SampleEnvelope(0));
            bus.Add(rate);
            xadd.Add(reference);
            Console.WriteLine($"round {round}: bus {rate,9:N0} msg/s   redis-benchmark xadd -P {window} -c {clients} {reference,9:N0} req/s   ratio {rate / reference:F2}   load {LoadAverage()}");
        }
        Console.WriteLine($"median: bus {Median(bus):N0} msg/s (publish + consume + ack), xadd {Median(xadd):N0} req/s, ratio {Median(bus) / Median(xadd):F2}");
        return 0;
    }

    private static async Task<double> BusRoundAsync(RedisServer server, string stream, int messages, int window, bool single)
    {
        await using var bus = await RedisMessageBus.ConnectAsync(RedisEndpoint.Parse(server.Url), new RedisBusOptions { MaxLength = 0 });
        long handled = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var consumer = bus.SubscribeAsync(stream, "bench", (_, _) =>
        {
            if (Interlocked.Increment(ref handled) == messages) done.TrySetResult();
            return ValueTask.CompletedTask;
        }, stop.Token);
        var inFlight = new Task[window];
        await using var admin = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{server.Port},allowAdmin=true");
        await admin.GetDatabase().ExecuteAsync("CONFIG", "RESETSTAT");
        var serverCpu = RedisClientCeiling.ServerCpu(admin.GetDatabase());
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < messages; i += window)
        {
            var count = Math.Min(window, messages - i);
            if (single)
            {
                for (var j = 0; j < count; j++)
                    inFlight[j] = bus.PublishAsync(stream, SampleEnvelope(i + j)).AsTask();
                await Task.WhenAll(inFlight.AsSpan(0, count));
            }
            else
            {
                var batch = new MessageEnvelope[count];
                for (var j = 0; j < count; j++) batch[j] = SampleEnvelope(i + j);
                await bus.PublishManyAsync(stream, batch);
            }
        }
        var published = wall.Elapsed;
        await done.Task;
        var consumed = wall.Elapsed;
        await using (var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{server.Port}"))
            while ((await redis.GetDatabase().StreamPendingAsync(stream, "bench")).PendingMessageCount > 0) await Task.Yield();
        wall.Stop();
        var client = (Process.GetCurrentProcess().TotalProcessorTime - clientCpu).TotalMicroseconds / messages;
        var serverUs = (RedisClientCeiling.ServerCpu(admin.GetDatabase()) - serverCpu) * 1e6 / messages;
        Console.WriteLine($"  client {client:F2} µs/msg, server {serverUs:F2} µs/msg");
        foreach (var line in admin.GetDatabase().Execute("INFO", "commandstats").ToString().Split('\n'))
            if (line.StartsWith("cmdstat_", StringComparison.Ordinal)) Console.WriteLine("    " + line.Trim());
        await stop.CancelAsync();
        await consumer;
        Console.WriteLine($"  published in {published.TotalSeconds:F2} s, handled by {consumed.TotalSeconds:F2} s, acknowledged by {wall.Elapsed.TotalSeconds:F2} s");
        return messages / wall.Elapsed.TotalSeconds;
    }

    private static MessageEnvelope SampleEnvelope(int number) =>
        new(number.ToString(CultureInfo.InvariantCulture), "bench", 1, DateTimeOffset.UnixEpoch, Payload);

    private static async Task<double> XaddReferenceAsync(int port, int messages, int pipeline, int clients, MessageEnvelope sample)
    {
        var info = new ProcessStartInfo("redis-benchmark") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-p", port.ToString(CultureInfo.InvariantCulture), "-n", messages.ToString(CultureInfo.InvariantCulture),
                     "-P", pipeline.ToString(CultureInfo.InvariantCulture), "-c", clients.ToString(CultureInfo.InvariantCulture), "-q",
                     "XADD", "xadd-reference", "*", "id", sample.Id, "type", sample.Type, "envelope", JsonSerializer.Serialize(sample, MessageJson.Options) })
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        // "XADD xadd-reference * ...: 476190.48 requests per second, p50=..." (the last carriage-return-separated update)
        var line = output.Split('\r', '\n').Last(l => l.Contains(" requests per second", StringComparison.Ordinal));
        var rate = line[..line.IndexOf(" requests per second", StringComparison.Ordinal)];
        return double.Parse(rate[(rate.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    internal static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
