using Shouldly;
using Trading.Core.Indicators;

namespace Trading.Core.Tests.Indicators;

/// <summary>Warm-up, reset and determinism for every indicator, on real BTCUSDT hourly bars.</summary>
public class IndicatorContractTests
{
    [Theory]
    [MemberData(nameof(IndicatorCatalog.Names), MemberType = typeof(IndicatorCatalog))]
    public void Update_BeforeWarmUpPeriod_IsNotReady(string name)
    {
        var indicator = IndicatorCatalog.Get(name).Create();
        var bars = BtcBars.Hourly;
        for (var i = 0; i < indicator.WarmUpPeriod - 1; i++)
        {
            IndicatorCase.Feed(indicator, bars[i]).ShouldBeFalse($"input {i + 1}");
            indicator.IsReady.ShouldBeFalse();
            double.IsNaN(indicator.Current).ShouldBeTrue($"Current before ready at input {i + 1}");
        }
        IndicatorCase.Feed(indicator, bars[indicator.WarmUpPeriod - 1]).ShouldBeTrue();
        indicator.IsReady.ShouldBeTrue();
        double.IsFinite(indicator.Current).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(IndicatorCatalog.Names), MemberType = typeof(IndicatorCatalog))]
    public void Reset_AfterData_ReplaysIdentically(string name)
    {
        var @case = IndicatorCatalog.Get(name);
        var indicator = @case.Create();
        var first = Run(@case, indicator);
        indicator.Reset();
        indicator.IsReady.ShouldBeFalse();
        double.IsNaN(indicator.Current).ShouldBeTrue();
        var second = Run(@case, indicator);
        second.ShouldBe(first);
    }

    [Theory]
    [MemberData(nameof(IndicatorCatalog.Names), MemberType = typeof(IndicatorCatalog))]
    public void Update_SameDataTwice_GivesSameOutput(string name)
    {
        var @case = IndicatorCatalog.Get(name);
        var first = Run(@case, @case.Create());
        var second = Run(@case, @case.Create());
        second.ShouldBe(first);
        first.Count(double.IsFinite).ShouldBeGreaterThan(100);
    }

    [Fact]
    public void Catalog_CoversEveryIndicatorType()
    {
        var indicatorTypes = typeof(IIndicator).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IIndicator).IsAssignableFrom(t))
            .ToHashSet();
        var covered = IndicatorCatalog.All.Select(c => c.Create().GetType()).ToHashSet();
        indicatorTypes.Except(covered).ShouldBeEmpty();
        indicatorTypes.Count.ShouldBe(16);
    }

    private static double[] Run(IndicatorCase @case, IIndicator indicator)
    {
        var outputs = new List<double>();
        foreach (var bar in BtcBars.Hourly.AsSpan(0, 400))
            if (IndicatorCase.Feed(indicator, bar))
                outputs.AddRange(@case.Outputs(indicator));
        return outputs.ToArray();
    }
}
