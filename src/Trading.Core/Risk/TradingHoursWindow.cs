namespace Trading.Core.Risk;

/// <summary>A daily UTC window [Start, End) in which entries and exits are allowed; it may wrap past midnight.</summary>
public readonly record struct TradingHoursWindow(TimeOnly Start, TimeOnly End)
{
    public bool Contains(DateTimeOffset time)
    {
        var now = TimeOnly.FromTimeSpan(time.UtcDateTime.TimeOfDay);
        return Start <= End ? now >= Start && now < End : now >= Start || now < End;
    }

    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm} UTC";
}
