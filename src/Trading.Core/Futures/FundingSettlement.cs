namespace Trading.Core.Futures;

/// <summary>One funding settlement of a perpetual: its time (ms, to the minute), the funding interval and the rate (a fraction; negative = shorts pay).</summary>
public readonly record struct FundingSettlement(long TimeMs, int IntervalHours, decimal Rate);
