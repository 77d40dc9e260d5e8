namespace Trading.Core.Indicators;

/// <summary>
/// The common shape of every streaming indicator: feed inputs one at a time with an <c>Update</c> method,
/// which returns <see cref="IsReady"/>; read <see cref="Current"/> (NaN until ready). Updates are O(1) and allocate nothing.
/// </summary>
public interface IIndicator
{
    /// <summary>True once <see cref="WarmUpPeriod"/> inputs have been seen.</summary>
    bool IsReady { get; }

    /// <summary>The main output value; NaN before the indicator is ready.</summary>
    double Current { get; }

    /// <summary>Number of inputs up to and including the first ready value (TA-Lib lookback + 1).</summary>
    int WarmUpPeriod { get; }

    /// <summary>Forgets every input, as if newly constructed.</summary>
    void Reset();
}
