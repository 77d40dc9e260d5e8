using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shouldly;
using Trading.TestInfrastructure;

namespace Trading.Api.Tests.Hosting;

/// <summary>`trading api` on its own: it listens where it says, answers with the key, and refuses bad options and a taken port.</summary>
public sealed partial class ApiCommandTests : IDisposable
{
    private const string Key = "api-command-test-key-012345";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Dictionary<string, string?> Environment => new() { ["TRADING_DATA_DIR"] = Path.Combine(_dir.Path, "data"), ["TRADING_API_KEY"] = Key };

    [Fact]
    public async Task Api_PortZero_ListensOnLoopbackAnswersWithTheKeyAndStopsCleanly()
    {
        await using var api = CliProcess.Start(["api", "--port", "0"], Environment, _dir.Path);
        await TestWait.UntilAsync(() => api.HasExited || ListeningUrl().IsMatch(api.Error), Timeout, Ct);
        api.HasExited.ShouldBeFalse(api.Error);
        using var client = new HttpClient { BaseAddress = new Uri(ListeningUrl().Match(api.Error).Groups[1].Value) };

        using var health = await client.GetAsync("/health", Ct);
        using var refused = await client.GetAsync("/status", Ct);
        client.DefaultRequestHeaders.Add("X-API-Key", Key);
        var status = await client.GetFromJsonAsync<JsonElement>("/status", Ct);
        await api.TerminateAsync(Ct);
        var exited = await api.WaitForExitAsync(Timeout, Ct);

        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        status.GetProperty("mode").GetString().ShouldBe("dry-run");
        status.GetProperty("tradingState").GetString().ShouldBe("ACTIVE");
        status.GetProperty("services").GetArrayLength().ShouldBe(0);
        exited.ExitCode.ShouldBe(0, exited.Error);
        exited.Error.ShouldNotContain(Key);
    }

    [Fact]
    public async Task Api_PortOutOfRange_OneErrorLineExitTwo()
    {
        var result = await CliProcess.RunAsync(["api", "--port", "70000"], Environment, _dir.Path, Ct);

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldBe("error: --port must be within 0..65535, got 70000");
    }

    [Fact]
    public async Task Api_PortTaken_OneErrorLineExitOne()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = await CliProcess.RunAsync(["api", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], Environment, _dir.Path, Ct);

        result.ExitCode.ShouldBe(1, result.Error);
        result.ErrorLines.Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ShouldHaveSingleItem()
            .ShouldStartWith($"error: the API cannot listen on http://127.0.0.1:{port}");
    }

    public void Dispose() => _dir.Dispose();

    [GeneratedRegex(@"API and dashboard on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningUrl();
}
