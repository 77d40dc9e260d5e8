using Shouldly;
using Trading.Core.Backtesting.Optimization;

namespace Trading.Core.Tests.Backtesting.Optimization;

public class WalkForwardFoldTests
{
    [Fact]
    public void Split_ThreeFoldsOver100_RollsEqualSegments()
    {
        // 100 / (3 + 1) = 25: IS [0,25) OOS [25,50); IS [25,50) OOS [50,75); IS [50,75) OOS [75,100).
        var folds = WalkForwardFold.Split(100, 3);
        folds.ShouldBe([new WalkForwardFold(1, 0, 25, 50), new WalkForwardFold(2, 25, 50, 75), new WalkForwardFold(3, 50, 75, 100)]);
    }

    [Fact]
    public void Split_UnevenCount_LastOutOfSampleTakesRemainder()
    {
        var folds = WalkForwardFold.Split(103, 3);
        folds[^1].OutOfSampleEnd.ShouldBe(103);
        folds[^1].OutOfSampleStart.ShouldBe(75);
    }

    [Fact]
    public void Split_TooFewCandles_Throws()
    {
        Should.Throw<ArgumentException>(() => WalkForwardFold.Split(5, 5));
    }
}
