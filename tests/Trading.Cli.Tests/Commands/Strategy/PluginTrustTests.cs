using Shouldly;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Strategy;

/// <summary>Listing and describing strategies never runs plugin code, and plugin code never finds the API secret in the environment.</summary>
public sealed class PluginTrustTests : IDisposable
{
    private const string Secret = "hunter2-plugin-secret";
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Marker => Path.Combine(_dir.Path, "static-constructor-ran");

    private string Plugin() => $$"""
        using Trading.Core.Model;
        using Trading.Core.Strategies;

        public sealed class Spy : StrategyBase
        {
            static Spy() { System.IO.File.WriteAllText({{Literal(Marker)}}, System.Environment.GetEnvironmentVariable("BINANCE_API_SECRET") ?? "none"); }
            public override string Name => "spy";
            public override string Description => "Writes a file when its code runs.";
            public override IReadOnlyList<StrategyParameter> Parameters { get; } = [StrategyParameter.Int("period", 14, 2, 50, "How far back.")];
            public override Signal? OnCandle(in Candle candle, StrategyContext context) => null;
        }
        """;

    [Theory]
    [InlineData("list")]
    [InlineData("info")]
    public async Task ListAndInfo_PluginWithStaticConstructor_NotRun(string verb)
    {
        _dir.Write("strategies/spy.cs", Plugin());
        string[] args = verb == "info" ? ["strategy", "info", "--name", "spy"] : ["strategy", "list"];

        var result = await CliProcess.RunAsync(args, null, _dir.Path, Ct);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("spy");
        if (verb == "info") result.Output.ShouldContain("int(\"period\", 14, 2, 50, \"How far back.\")");
        File.Exists(Marker).ShouldBeFalse();
    }

    [Fact]
    public async Task Backtest_PluginRuns_SecretNotInItsEnvironment()
    {
        _dir.Write("strategies/spy.cs", Plugin());
        var env = new Dictionary<string, string?> { ["BINANCE_API_KEY"] = "key", ["BINANCE_API_SECRET"] = Secret };
        await (await Storage.TradingStoreFactory.OpenAsync(null, Path.Combine(_dir.Path, "data"), Ct)).DisposeAsync();

        await CliProcess.RunAsync(["backtest", "run", "--strategy", "spy", "--symbol", "ETHUSDT", "--from", "2024-01-01", "--to", "2024-01-01"], env, _dir.Path, Ct);

        File.Exists(Marker).ShouldBeTrue("the backtest ran the plugin");
        (await File.ReadAllTextAsync(Marker, Ct)).ShouldBe("none");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task List_PluginWritableByOthers_Refused()
    {
        var path = _dir.Write("strategies/spy.cs", Plugin());
        File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.OtherWrite);

        var result = await CliProcess.RunAsync(["strategy", "list"], null, _dir.Path, Ct);

        result.Output.ShouldContain("refused: other users may write this file");
        result.Output.ShouldNotMatch(@"\bspy\s+\./strategies");
    }

    private static string Literal(string text) => "@\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public void Dispose() => _dir.Dispose();
}
