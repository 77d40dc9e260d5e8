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
/// Messages per second through the Redis Streams bus against a real redis-server on loopback: one publisher sending
/// batches of <c>--window</c> messages with <c>PublishManyAsync</c> (one pipelined write, one wait; <c>--single</c> keeps
/// <c>--window</c> single <c>PublishAsync</c> calls in flight instead), one consumer group with one subscriber, timed until
/// every message is handled and acknowledged (XPENDING is empty). Each round prints where the time went: the client's and
/// the server's CPU per message, the server's time per command, and the client alone adding the same entries without a
/// bus or a consumer (<see cref="RedisClientCeiling"/>). In the same run, redis-benchmark
/// with the same pipelining (<c>-P window</c>) adding the same entry (the bus's fields id, type and envelope) gives the
/// server's bare XADD rate as the reference (this redis-benchmark, 7.0, has no built-in xadd test).
/// Options: --messages N (default 200,000), --window P (default 64), --rounds R (default 5), --clients C (redis-benchmark
/// connections, default 1 like the bus), --single.
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
        var single = args.Contains("--single");
        await using var admin = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{server.Port},allowAdmin=true");
        var bus = new List<double>();
        var alone = new List<double>();
        var xadd = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var rate = await BusRoundAsync(server, admin, $"bench-{round}", messages, window, single);
            alone.Add(await RedisClientCeiling.XaddOnlyAsync(admin, $"client-{round}", messages, window, EntryFields(SampleEnvelope(0))));
            var reference = await XaddReferenceAsync(server.Port, messages, window, clients, SampleEnvelope(0));
            bus.Add(rate);
            xadd.Add(reference);
            Console.WriteLine($"round {round}: bus {rate,9:N0} msg/s   redis-benchmark xadd -P {window} -c {clients} {reference,9:N0} req/s   ratio {rate / reference:F2}   load {LoadAverage()}");
        }
        Console.WriteLine($"median: bus {Median(bus):N0} msg/s (publish + consume + ack), xadd {Median(xadd):N0} req/s, ratio {Median(bus) / Median(xadd):F2};"
            + $" client alone (XADD only) {Median(alone):N0}/s");
        return 0;
    }

    private static async Task<double> BusRoundAsync(RedisServer server, IConnectionMultiplexer admin, string stream, int messages, int window, bool single)
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
        var stats = await RedisServerStats.StartAsync(admin.GetDatabase());
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
        while ((await admin.GetDatabase().StreamPendingAsync(stream, "bench")).PendingMessageCount > 0) await Task.Yield();
        wall.Stop();
        var client = (Process.GetCurrentProcess().TotalProcessorTime - clientCpu).TotalMicroseconds / messages;
        await stop.CancelAsync();
        await consumer;
        Console.WriteLine($"  bus: published in {published.TotalSeconds:F2} s, handled by {consumed.TotalSeconds:F2} s, acknowledged by {wall.Elapsed.TotalSeconds:F2} s;"
            + $" client {client:F2} µs/msg, {await stats.DescribeAsync(messages)}");
        return messages / wall.Elapsed.TotalSeconds;
    }

    // The bus's entry layout (RedisEntryCodec): id and type beside the envelope's JSON.
    private static NameValueEntry[] EntryFields(MessageEnvelope message) =>
        [new("id", message.Id), new("type", message.Type), new("envelope", JsonSerializer.SerializeToUtf8Bytes(message, MessageJson.Options))];

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
