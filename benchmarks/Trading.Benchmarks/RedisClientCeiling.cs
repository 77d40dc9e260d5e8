using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace Trading.Benchmarks;

/// <summary>Scratch: raw StackExchange.Redis XADD rates, to find the client's own ceiling.</summary>
public static class RedisClientCeiling
{
    public static async Task RunAsync(int port, int messages, int window, byte[] envelope)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},allowAdmin=true");
        var db = redis.GetDatabase();
        NameValueEntry[] fields = [new("id", "1"), new("type", "bench"), new("envelope", envelope)];
        await TimeAsync("single awaited window", messages, db, async () =>
        {
            var inFlight = new Task[window];
            for (var i = 0; i < messages; i += window)
            {
                var count = Math.Min(window, messages - i);
                for (var j = 0; j < count; j++) inFlight[j] = db.StreamAddAsync("raw-1", fields);
                await Task.WhenAll(inFlight.AsSpan(0, count));
            }
        });
        await TimeAsync("IBatch per window", messages, db, async () =>
        {
            var inFlight = new Task[window];
            for (var i = 0; i < messages; i += window)
            {
                var count = Math.Min(window, messages - i);
                var batch = db.CreateBatch();
                for (var j = 0; j < count; j++) inFlight[j] = batch.StreamAddAsync("raw-2", fields);
                batch.Execute();
                await Task.WhenAll(inFlight.AsSpan(0, count));
            }
        });
        await TimeAsync("IBatch, two windows in flight", messages, db, async () =>
        {
            Task previous = Task.CompletedTask;
            for (var i = 0; i < messages; i += window)
            {
                var count = Math.Min(window, messages - i);
                var batch = db.CreateBatch();
                var inFlight = new Task[count];
                for (var j = 0; j < count; j++) inFlight[j] = batch.StreamAddAsync("raw-3", fields);
                batch.Execute();
                await previous;
                previous = Task.WhenAll(inFlight);
            }
            await previous;
        });
        var script = LuaScript.Prepare("for i = 1, #ARGV, 3 do redis.call('XADD', KEYS[1], '*', 'id', ARGV[i], 'type', ARGV[i+1], 'envelope', ARGV[i+2]) end return #ARGV / 3");
        var loaded = await script.LoadAsync(redis.GetServer(redis.GetEndPoints()[0]));
        await TimeAsync("Lua: one EVALSHA per window", messages, db, async () =>
        {
            var args = new RedisValue[window * 3];
            for (var i = 0; i < messages; i += window)
            {
                var count = Math.Min(window, messages - i);
                for (var j = 0; j < count; j++) (args[3 * j], args[3 * j + 1], args[3 * j + 2]) = ("1", "bench", envelope);
                await db.ScriptEvaluateAsync(loaded.Hash, [(RedisKey)"raw-4"], count == window ? args : args[..(3 * count)]);
            }
        });
    }

    private static async Task TimeAsync(string name, int messages, IDatabase db, Func<Task> run)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var server = ServerCpu(db);
        var wall = Stopwatch.StartNew();
        await run();
        wall.Stop();
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var serverCpu = ServerCpu(db) - server;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  raw {name,-32} {messages / wall.Elapsed.TotalSeconds,9:N0}/s  client {clientCpu.TotalMicroseconds / messages:F2} µs/msg  server {serverCpu * 1e6 / messages:F2} µs/msg"));
    }

    internal static double ServerCpu(IDatabase db)
    {
        var info = db.Execute("INFO", "cpu").ToString();
        double sum = 0;
        foreach (var line in info.Split('\n'))
            if (line.StartsWith("used_cpu_user:", StringComparison.Ordinal) || line.StartsWith("used_cpu_sys:", StringComparison.Ordinal))
                sum += double.Parse(line[(line.IndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture);
        return sum;
    }
}
