using Shouldly;
using Trading.TestInfrastructure;
using Trading.Core.Model;
using Trading.Core.Strategies;
using Trading.Services.Plugins;
using Trading.Services.Strategies;

namespace Trading.Services.Tests.Plugins;

public sealed class StrategyPluginLoaderTests
{
    private static readonly Symbol Btc = new("BTCUSDT");

    [Fact]
    public void Load_TemplateFile_RegistersItWithItsPathAndItSignals()
    {
        using var folder = new TempDirectory();
        var path = folder.Write("my_strategy.cs", StrategyTemplate.Render("my_strategy"));

        var registry = StrategyCatalog.Load(folder.Path);

        registry.Problems.ShouldBeEmpty();
        var registration = registry.Find("my_strategy").ShouldNotBeNull();
        registration.Source.ShouldBe(path);
        registration.Summary.ShouldStartWith("Example momentum strategy");
        registry.Find("grid").ShouldNotBeNull().IsBuiltIn.ShouldBeTrue();

        var strategy = registry.Create("my_strategy", new Dictionary<string, string> { ["streak"] = "2" });
        var context = new StrategyContext(Btc, Timeframe.M1);
        var sides = new List<string>();
        decimal[] closes = [100, 101, 102, 101, 100, 99];
        for (var i = 0; i < closes.Length; i++)
        {
            var open = i == 0 ? 100m : closes[i - 1];
            var candle = Candle.Create(Btc, Timeframe.M1, 1_700_000_040_000 + (i * 60_000), open, Math.Max(open, closes[i]), Math.Min(open, closes[i]), closes[i], 1);
            context.Observe(candle);
            if (strategy.OnCandle(candle, context) is not { } signal) continue;
            sides.Add($"{signal.Side}@{i}");
            context.PositionQuantity += signal.Side == OrderSide.Buy ? signal.Quantity : -signal.Quantity;
        }
        sides.ShouldBe(["Buy@2", "Sell@4"]);
    }

    [Fact]
    public void Load_FileWithSyntaxError_ReportsFileLineAndKeepsOthers()
    {
        using var folder = new TempDirectory();
        folder.Write("good.cs", StrategyTemplate.Render("good_one"));
        var broken = folder.Write("broken.cs", "using Trading.Core.Strategies;\nnamespace X;\npublic class Broken : StrategyBase\n{\n    int x = ;\n}\n");

        var registry = StrategyCatalog.Load(folder.Path);

        registry.Problems.ShouldContain(p => p.StartsWith($"{broken}:5:", StringComparison.Ordinal) && p.Contains("error CS", StringComparison.Ordinal));
        registry.Contains("good_one").ShouldBeTrue();
        registry.Contains("grid").ShouldBeTrue();
    }

    [Fact]
    public void Load_NameClashes_ReportsAndSkipsTheLaterOne()
    {
        using var folder = new TempDirectory();
        var builtInClash = folder.Write("a_grid.cs", StrategyTemplate.Render("grid"));
        var first = folder.Write("b_first.cs", StrategyTemplate.Render("twin"));
        var second = folder.Write("c_second.cs", StrategyTemplate.Render("twin").Replace("TwinStrategy", "OtherTwin", StringComparison.Ordinal));

        var registry = StrategyCatalog.Load(folder.Path);

        registry.Find("grid")!.IsBuiltIn.ShouldBeTrue();
        registry.Find("twin")!.Source.ShouldBe(first);
        registry.Problems.ShouldContain($"{builtInClash}: strategy name 'grid' clashes with the one from built-in; skipped.");
        registry.Problems.ShouldContain($"{second}: strategy name 'twin' clashes with the one from {first}; skipped.");
    }

    [Fact]
    public void Load_ConstructorThrows_ReportsAndContinues()
    {
        using var folder = new TempDirectory();
        var path = folder.Write("bad_ctor.cs", StrategyTemplate.Render("bad_ctor")
            .Replace("private int _streak;", "private int _streak = int.Parse(\"boom\");", StringComparison.Ordinal));

        var registry = StrategyCatalog.Load(folder.Path);

        registry.Contains("bad_ctor").ShouldBeFalse();
        registry.Problems.ShouldContain(p => p.StartsWith($"{path}: strategy BadCtorStrategy failed to start:", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WithCacheDir_WritesImageAndReusesIt()
    {
        using var folder = new TempDirectory();
        using var cache = new TempDirectory();
        folder.Write("cached.cs", StrategyTemplate.Render("cached"));

        StrategyCatalog.Load(folder.Path, cache.Path).Contains("cached").ShouldBeTrue();
        var images = Directory.GetFiles(cache.Path, "*.dll");
        images.Length.ShouldBe(1);
        var written = File.GetLastWriteTimeUtc(images[0]);

        StrategyCatalog.Load(folder.Path, cache.Path).Contains("cached").ShouldBeTrue();
        File.GetLastWriteTimeUtc(images[0]).ShouldBe(written);
        Directory.GetFiles(cache.Path, "*.dll").Length.ShouldBe(1);
    }

    [Fact]
    public void Render_InvalidName_Throws()
    {
        Should.Throw<ArgumentException>(() => StrategyTemplate.Render("My-Strategy")).Message.ShouldContain("lower snake_case");
    }
}
