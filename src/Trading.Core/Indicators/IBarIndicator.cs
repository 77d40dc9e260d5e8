namespace Trading.Core.Indicators;

/// <summary>An indicator over OHLCV bars; each implementation also has a typed Update taking only the fields it needs.</summary>
public interface IBarIndicator : IIndicator
{
    /// <summary>Adds the next bar; returns <see cref="IIndicator.IsReady"/>.</summary>
    bool Update(in PriceBar bar);
}
