using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Trading.TestInfrastructure.Servers;

/// <summary>
/// A throwaway Debian prometheus on a free 127.0.0.1 port that scrapes one target every second; killed and deleted on dispose.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    public const string InstallHint = "run scripts/install-test-deps.sh to install prometheus";

    private readonly Process _process;
    private readonly string _directory;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private PrometheusServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseUrl { get; }

    /// <param name="target">host:port serving /metrics.</param>
    public static async Task<PrometheusServer> StartAsync(string target, CancellationToken ct = default)
    {
        var binary = ExternalProcess.Find("prometheus", ["/usr/bin", "/usr/local/bin"])
            ?? throw new InvalidOperationException($"prometheus is not on PATH: {InstallHint}.");
        var directory = Directory.CreateTempSubdirectory("trading-prometheus-").FullName;
        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: trading
                static_configs:
                  - targets: ["{target}"]
            """, ct);
        var port = ExternalProcess.FreeLoopbackPort();
        var info = new ProcessStartInfo(binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(directory, "data")}",
                     $"--web.listen-address=127.0.0.1:{port}" })
            info.ArgumentList.Add(argument);
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start prometheus.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrometheusServer(process, directory, port);
        try
        {
            await TestWait.UntilAsync(server.IsReadyAsync, TimeSpan.FromSeconds(60), ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The value of an instant query's first series, or null while it has none.</summary>
    public async Task<double?> QueryAsync(string promql, CancellationToken ct = default)
    {
        var url = new Uri(BaseUrl, $"/api/v1/query?query={Uri.EscapeDataString(promql)}");
        using var answer = await _http.GetFromJsonAsync<JsonDocument>(url, ct);
        var result = answer!.RootElement.GetProperty("data").GetProperty("result");
        if (result.GetArrayLength() == 0) return null;
        return double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _http.Dispose();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }

    private async Task<bool> IsReadyAsync()
    {
        if (_process.HasExited) throw new InvalidOperationException($"prometheus exited with {_process.ExitCode} on start.");
        try
        {
            using var response = await _http.GetAsync(new Uri(BaseUrl, "/-/ready"));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
