using Shouldly;
using Trading.Core.Backtesting.Optimization;

namespace Trading.Core.Tests.Backtesting.Optimization;

public class ParameterSpaceTests
{
    private static ParameterSpace Space() =>
        new([ParameterRange.Parse("period=7..28:7"), ParameterRange.Parse("oversold=20..35:5")]);

    [Fact]
    public void Grid_TwoRanges_IsCartesianProductLastFastest()
    {
        var space = Space();
        space.Count.ShouldBe(16);
        var grid = space.Grid();
        grid.Count.ShouldBe(16);
        grid[0]["period"].ShouldBe(7m);
        grid[0]["oversold"].ShouldBe(20m);
        grid[1]["oversold"].ShouldBe(25m);
        grid[4]["period"].ShouldBe(14m);
        grid[15]["period"].ShouldBe(28m);
        grid[15]["oversold"].ShouldBe(35m);
        grid.Select(g => (g["period"], g["oversold"])).Distinct().Count().ShouldBe(16);
    }

    [Fact]
    public void Random_SameSeed_SameDistinctTrials()
    {
        var first = Space().Random(5, seed: 42);
        var second = Space().Random(5, seed: 42);
        first.Count.ShouldBe(5);
        first.Select(p => (p["period"], p["oversold"])).ShouldBe(second.Select(p => (p["period"], p["oversold"])));
        first.Select(p => (p["period"], p["oversold"])).Distinct().Count().ShouldBe(5);
    }

    [Fact]
    public void Random_MoreTrialsThanGrid_ReturnsWholeGrid()
    {
        Space().Random(100, seed: 1).Count.ShouldBe(16);
    }

    [Fact]
    public void Constructor_DuplicateName_Throws()
    {
        Should.Throw<FormatException>(() => new ParameterSpace([ParameterRange.Parse("a=1"), ParameterRange.Parse("A=2")]));
    }
}
