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
/// requests/s of each and their ratio. Args: [rounds=3] [seconds=10] [connections=64].
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

        var apiRates = new List<double>();
        var helloRates = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            helloRates.Add(await WrkAsync(hello.ListeningUrl() + "/hello", null, seconds, connections));
            apiRates.Add(await WrkAsync(api.ListeningUrl() + "/status", Key, seconds, connections));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: /status {apiRates[^1]:N0} req/s, hello {helloRates[^1]:N0} req/s"));
        }
        var (apiMedian, helloMedian) = (Median(apiRates), Median(helloRates));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median over {rounds} round(s) of {seconds} s, {connections} connections: /status {apiMedian:N0} req/s, bare Kestrel hello {helloMedian:N0} req/s, ratio {apiMedian / helloMedian:0.00}"));
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

    private static async Task<double> WrkAsync(string url, string? key, int seconds, int connections)
    {
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-t2", $"-c{connections}", $"-d{seconds}s", "--latency" }) info.ArgumentList.Add(arg);
        if (key is not null)
        {
            info.ArgumentList.Add("-H");
            info.ArgumentList.Add($"X-API-Key: {key}");
        }
        info.ArgumentList.Add(url);
        using var wrk = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start: apt-get install wrk");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        if (output.Contains("Non-2xx", StringComparison.Ordinal)) throw new InvalidOperationException($"{url} answered errors:\n{output}");
        var match = RequestsPerSecond().Match(output);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException(output);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();
}
