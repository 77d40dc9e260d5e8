using System.Diagnostics;
using StackExchange.Redis;

namespace Trading.Benchmarks;

/// <summary>
/// The client's own ceiling in the same run: StackExchange.Redis alone adding the bus's entries (the same three fields)
/// in pipelined batches of <c>window</c> XADDs (one IBatch, one wait), with nothing consuming them: what the bus's publish
/// phase could reach if encoding, retries and the consumer cost nothing.
/// </summary>
internal static class RedisClientCeiling
{
    public static async Task<double> XaddOnlyAsync(IConnectionMultiplexer redis, string stream, int messages, int window, NameValueEntry[] fields)
    {
        var db = redis.GetDatabase();
        var stats = await RedisServerStats.StartAsync(db);
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var inFlight = new Task[window];
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < messages; i += window)
        {
            var count = Math.Min(window, messages - i);
            var batch = db.CreateBatch();
            for (var j = 0; j < count; j++) inFlight[j] = batch.StreamAddAsync(stream, fields);
            batch.Execute();
            await Task.WhenAll(inFlight.AsSpan(0, count));
        }
        wall.Stop();
        var client = (Process.GetCurrentProcess().TotalProcessorTime - clientCpu).TotalMicroseconds / messages;
        var rate = messages / wall.Elapsed.TotalSeconds;
        Console.WriteLine($"  client alone, XADD only: {rate:N0}/s, client {client:F2} µs/msg, {await stats.DescribeAsync(messages)}");
        return rate;
    }
}
