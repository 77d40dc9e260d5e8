using System.Text.Json;
using Shouldly;
using Trading.Core.Model;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Backtest;

/// <summary>A symbol with no stored or shipped filters: the backtest and the optimizer warn once and trade with derived filters.</summary>
public sealed class DerivedFiltersCommandTests : IAsyncLifetime
{
    private static readonly Symbol Xyz = new("XYZUSDT");
    private static readonly string[] Range = ["--symbol", "XYZUSDT", "--from", "2024-01-01", "--to", "2024-01-02"];
    private readonly TempDirectory _dataDir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await using var store = await TradingStoreFactory.OpenAsync(null, _dataDir.Path, Ct);
        await store.Candles.UpsertAsync(TestCandles.Generate(1_440, symbol: Xyz), Ct);
    }

    public ValueTask DisposeAsync()
    {
        _dataDir.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task<CliProcess.Result> Cli(params string[] args) => CliProcess.RunAsync([.. args, "--data-dir", _dataDir.Path], ct: Ct);

    [Fact]
    public async Task Optimize_SymbolWithNoFilters_WarnsExactlyOnceWithTheDerivedTick()
    {
        var result = await Cli(["backtest", "optimize", "--strategy", "rsi", .. Range, "--param", "period=7..28:7", "--jobs", "2"]);

        result.ExitCode.ShouldBe(0, result.Error);
        var warning = result.ErrorLines.Where(l => l.StartsWith("warning:", StringComparison.Ordinal)).ShouldHaveSingleItem();
        warning.ShouldContain("no exchange filters known for XYZUSDT");
        warning.ShouldContain("tick 0.01, step 0.00001, min notional 5");
        result.Output.ShouldContain("4 parameter sets ranked by sharpe");
    }

    [Fact]
    public async Task Run_SymbolWithNoFilters_WarnsOnceAndFullOverrideSilencesIt()
    {
        var derived = await Cli(["backtest", "run", "--strategy", "rsi", .. Range, "--json"]);
        var overridden = await Cli(["backtest", "run", "--strategy", "rsi", .. Range, "--json", "--filters", "tick=0.01,step=0.001,min_notional=0"]);

        derived.ExitCode.ShouldBe(0, derived.Error);
        derived.ErrorLines.Count(l => l.StartsWith("warning:", StringComparison.Ordinal)).ShouldBe(1);
        overridden.ExitCode.ShouldBe(0, overridden.Error);
        overridden.Error.ShouldNotContain("warning:");
        using var doc = JsonDocument.Parse(overridden.Output);
        doc.RootElement.GetProperty("statistics").GetProperty("candles").GetInt32().ShouldBe(1_440);
    }
}
