namespace Trading.Core.Futures;

/// <summary>
/// Where a futures backtest takes its funding rates from: the settlements of a fundingRate file (each row one funding
/// time and its rate) or a stated constant rate at every funding time of a <see cref="FundingSchedule"/>.
/// </summary>
public sealed class FundingRates
{
    private readonly long[] _times;
    private readonly decimal[] _rates;

    private FundingRates(long[] times, decimal[] rates, decimal constant, FundingSchedule schedule, string source)
    {
        _times = times;
        _rates = rates;
        ConstantRate = constant;
        Schedule = schedule;
        Source = source;
    }

    /// <summary>What the report says about the funding: the file's rows, or the constant and that it stands in.</summary>
    public string Source { get; }

    public bool IsConstant => _times.Length == 0;
    public decimal ConstantRate { get; }
    public FundingSchedule Schedule { get; }
    public int Count => _times.Length;

    public static FundingRates Constant(decimal rate) => Constant(rate, FundingSchedule.EightHours);

    public static FundingRates Constant(decimal rate, FundingSchedule schedule)
    {
        if (schedule.IntervalHours is < 1 or > 24) throw new ArgumentException($"The funding interval must be within 1..24 hours, got {schedule.IntervalHours}.");
        if (rate is <= -1 or >= 1) throw new ArgumentException($"The funding rate must be a fraction within (-1, 1), got {rate}.");
        return new FundingRates([], [], rate, schedule,
            FormattableString.Invariant($"constant funding rate {rate} every {schedule.IntervalHours} h (stated, not from a fundingRate file)"));
    }

    /// <summary>Settlements at <paramref name="times"/> (ms, strictly increasing) with their rates.</summary>
    public static FundingRates FromSettlements(long[] times, decimal[] rates, string source)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(rates);
        if (times.Length != rates.Length || times.Length == 0) throw new ArgumentException("Funding settlements need one rate per time, at least one.");
        for (var i = 1; i < times.Length; i++)
        {
            if (times[i] <= times[i - 1]) throw new ArgumentException($"Funding settlement {i} is not after the one before it.");
        }
        return new FundingRates(times, rates, 0m, FundingSchedule.EightHours, source);
    }

    /// <summary>A cursor at the first settlement at or after <paramref name="fromMs"/>.</summary>
    public FundingCursor Start(long fromMs)
    {
        if (IsConstant) return new FundingCursor(this, -1, Schedule.NextAtOrAfter(fromMs));
        var index = Array.BinarySearch(_times, fromMs);
        if (index < 0) index = ~index;
        return new FundingCursor(this, index, index < _times.Length ? _times[index] : long.MaxValue);
    }

    internal long TimeAt(int index) => index < _times.Length ? _times[index] : long.MaxValue;

    internal decimal RateAt(int index) => IsConstant ? ConstantRate : _rates[index];
}
