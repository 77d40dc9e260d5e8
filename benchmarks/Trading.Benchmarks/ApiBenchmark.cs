using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Trading.Api.Hosting;
using Trading.Services;
using Trading.Services.Configuration;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Benchmarks;

/// <summary>
/// GET /status of the real API (key check, rate limiter, problem+json pipeline, store-backed status) against a bare Kestrel
/// "hello" endpoint, both on loopback in this process, measured by Debian's wrk in alternating rounds; prints the median
/// requests/s of each and their ratio, and the server's CPU time per request
/// (a figure the neighbours' load moves less). Args: [rounds=3] [seconds=10] [connections=64].
/// </summary>
public static partial class ApiBenchmark
{
    private const string Key = "benchmark-key-0123456789";

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var connections = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 64;
        using var dir = new TempDirectory();
        var settings = new TradingSettings { DataDir = dir.Path, ApiKey = Key, ApiPort = 0, LogLevel = "Warning" };
        await using var store = await TradingStoreFactory.OpenAsync(null, dir.Path);
        var builder = ApiApplication.CreateBuilder(settings, new ApiOptions());
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(store.Candles);
        builder.Services.AddTradingPlatform(settings);
        await using var api = builder.Build();
        api.UseTradingApi();
        await api.StartAsync();
        await using var hello = Hello();
        await hello.StartAsync();

        // Warm-up (not counted): both hosts reach tier-1 code before the first measured round.
        await WrkAsync(hello.ListeningUrl() + "/hello", null, 2, connections);
        await WrkAsync(api.ListeningUrl() + "/status", Key, 2, connections);
        var apiRuns = new List<WrkRun>();
        var helloRuns = new List<WrkRun>();
        for (var round = 1; round <= rounds; round++)
        {
            helloRuns.Add(await WrkAsync(hello.ListeningUrl() + "/hello", null, seconds, connections));
            apiRuns.Add(await WrkAsync(api.ListeningUrl() + "/status", Key, seconds, connections));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: /status {apiRuns[^1].PerSecond:N0} req/s ({apiRuns[^1].CpuMicroseconds:N1} µs CPU each), hello {helloRuns[^1].PerSecond:N0} req/s ({helloRuns[^1].CpuMicroseconds:N1} µs CPU each)"));
        }
        var (apiMedian, helloMedian) = (Median(apiRuns.Select(r => r.PerSecond)), Median(helloRuns.Select(r => r.PerSecond)));
        var (apiCpu, helloCpu) = (Median(apiRuns.Select(r => r.CpuMicroseconds)), Median(helloRuns.Select(r => r.CpuMicroseconds)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median over {rounds} round(s) of {seconds} s, {connections} connections: /status {apiMedian:N0} req/s, bare Kestrel hello {helloMedian:N0} req/s, ratio {apiMedian / helloMedian:0.00}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"server CPU per request (median): /status {apiCpu:N1} µs, hello {helloCpu:N1} µs, ratio {helloCpu / apiCpu:0.00}; load average {File.ReadAllText("/proc/loadavg")[..14]}"));
        await api.StopAsync();
        await hello.StopAsync();
        return 0;
    }

    private static WebApplication Hello()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/hello", () => Results.Text("hello"));
        return app;
    }

    /// <summary>One wrk run: requests/s, and this process's CPU time per request (only the loaded host is busy meanwhile).</summary>
    private sealed record WrkRun(double PerSecond, double CpuMicroseconds);

    private static async Task<WrkRun> WrkAsync(string url, string? key, int seconds, int connections)
    {
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-t2", $"-c{connections}", $"-d{seconds}s", "--latency" }) info.ArgumentList.Add(arg);
        if (key is not null)
        {
            info.ArgumentList.Add("-H");
            info.ArgumentList.Add($"X-API-Key: {key}");
        }
        info.ArgumentList.Add(url);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        using var wrk = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start: apt-get install wrk");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        if (output.Contains("Non-2xx", StringComparison.Ordinal)) throw new InvalidOperationException($"{url} answered errors:\n{output}");
        var rate = RequestsPerSecond().Match(output);
        var count = RequestCount().Match(output);
        if (!rate.Success || !count.Success) throw new InvalidOperationException(output);
        return new WrkRun(double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            cpu.TotalMicroseconds / long.Parse(count.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"([0-9]+) requests in ")]
    private static partial Regex RequestCount();
}
