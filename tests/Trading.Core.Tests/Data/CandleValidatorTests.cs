using Shouldly;
using Trading.Core.Data;
using Trading.Core.Model;

namespace Trading.Core.Tests.Data;

public class CandleValidatorTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 1, 12, 0, 30, TimeSpan.Zero);

    private static Candle At(DateTimeOffset open) =>
        new(new Symbol("BTCUSDT"), Timeframe.M1, open.ToUnixTimeMilliseconds(), 10, 11, 9, 10, 1);

    [Fact]
    public void FindProblem_LiveCandleJustClosed_IsValid()
    {
        var validator = new CandleValidator(CandleValidationOptions.Live(TimeSpan.FromMinutes(1)), new FixedClock(Now));
        validator.FindProblem(At(Now.AddSeconds(-90))).ShouldBeNull();
    }

    [Fact]
    public void FindProblem_FutureCandle_IsRejected()
    {
        var validator = new CandleValidator(CandleValidationOptions.Historical, new FixedClock(Now));
        validator.FindProblem(At(Now.AddMinutes(1).AddSeconds(-30))).ShouldNotBeNull().ShouldContain("in the future");
    }

    [Fact]
    public void FindProblem_StaleLiveCandle_IsRejectedButHistoricalAccepted()
    {
        var old = At(Now.AddHours(-1).AddSeconds(-30));
        new CandleValidator(CandleValidationOptions.Live(TimeSpan.FromMinutes(1)), new FixedClock(Now)).FindProblem(old).ShouldNotBeNull().ShouldStartWith("stale");
        new CandleValidator(CandleValidationOptions.Historical, new FixedClock(Now)).FindProblem(old).ShouldBeNull();
    }

    [Fact]
    public void FindProblem_HighBelowClose_IsRejected()
    {
        var validator = new CandleValidator(CandleValidationOptions.Historical, new FixedClock(Now));
        validator.FindProblem(At(Now.AddHours(-1)) with { High = 9.5m }).ShouldNotBeNull().ShouldContain("high 9.5 is below");
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
