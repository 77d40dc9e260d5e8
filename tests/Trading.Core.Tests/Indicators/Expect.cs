using Shouldly;

namespace Trading.Core.Tests.Indicators;

/// <summary>Comparisons of indicator outputs with independently computed references.</summary>
public static class Expect
{
    /// <summary>Relative tolerance of the comparison with the reference, floored at an absolute 1e-9 for values near 0.</summary>
    public const double Relative = 1e-9;

    public static void Near(double actual, double expected, string label = "")
    {
        var tolerance = Relative * Math.Max(1.0, Math.Abs(expected));
        Math.Abs(actual - expected).ShouldBeLessThanOrEqualTo(tolerance, $"{label}: expected {expected:R} but got {actual:R}");
    }

    /// <summary>Same NaN positions (warm-up) and every other value within tolerance; at least one value must be compared.</summary>
    public static void SeriesNear(double[] actual, double[] expected, string label = "")
    {
        actual.Length.ShouldBe(expected.Length);
        var compared = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            double.IsNaN(actual[i]).ShouldBe(double.IsNaN(expected[i]), $"{label}: NaN mismatch at index {i}");
            if (double.IsNaN(expected[i])) continue;
            Near(actual[i], expected[i], $"{label}[{i}]");
            compared++;
        }
        compared.ShouldBeGreaterThan(0);
    }

    public static double[] NaNs(int length)
    {
        var values = new double[length];
        Array.Fill(values, double.NaN);
        return values;
    }
}
