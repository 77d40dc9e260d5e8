namespace Trading.Core.Indicators;

/// <summary>An indicator over a single series of values, usually closes.</summary>
public interface ISeriesIndicator : IIndicator
{
    /// <summary>Adds the next value; returns <see cref="IIndicator.IsReady"/>.</summary>
    bool Update(double value);
}
