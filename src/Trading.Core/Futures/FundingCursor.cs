namespace Trading.Core.Futures;

/// <summary>The next funding settlement of a <see cref="FundingRates"/> while a backtest walks forward in time; allocates nothing.</summary>
public struct FundingCursor
{
    private readonly FundingRates _rates;
    private int _index;

    internal FundingCursor(FundingRates rates, int index, long nextMs)
    {
        _rates = rates;
        _index = index;
        NextMs = nextMs;
    }

    /// <summary>The time of the next settlement in ms; long.MaxValue when there is none.</summary>
    public long NextMs { get; private set; }

    public readonly decimal Rate => _rates.RateAt(_index);

    public void Advance()
    {
        if (_rates.IsConstant)
        {
            NextMs += _rates.Schedule.IntervalMs;
            return;
        }
        _index++;
        NextMs = _rates.TimeAt(_index);
    }
}
