using Shouldly;
using Trading.Core.Model;
using Trading.Services.Configuration;
using Trading.Services.Observability.Alerts;

namespace Trading.Services.Tests.Observability.Alerts;

public sealed class PortfolioAlertRulesTests
{
    [Theory]
    [InlineData(-200, false)] // exactly 2 % of the day's 10,000: not over
    [InlineData(-201, true)]
    public void Evaluate_DailyLossAtAndOverTwoPercent_WarnsOnlyOver(int dailyPnl, bool warns)
    {
        var rules = new PortfolioAlertRules(new AlertSettings());

        var alerts = rules.Evaluate(Snapshot(10_000m + dailyPnl, dailyPnl, drawdown: 0m));

        alerts.Any(a => a.Rule == PortfolioAlertRules.DailyLoss && a.Severity == AlertSeverity.Warning).ShouldBe(warns);
    }

    [Theory]
    [InlineData("0.05", null)]
    [InlineData("0.0501", PortfolioAlertRules.DrawdownWarning)]
    [InlineData("0.10", PortfolioAlertRules.DrawdownWarning)]
    [InlineData("0.1001", PortfolioAlertRules.DrawdownCritical)]
    public void Evaluate_DrawdownAroundFiveAndTenPercent_FiresTheRuleOverItsThreshold(string drawdown, string? rule)
    {
        var rules = new PortfolioAlertRules(new AlertSettings());

        var alerts = rules.Evaluate(Snapshot(9_000m, 0m, decimal.Parse(drawdown, System.Globalization.CultureInfo.InvariantCulture)));

        alerts.Select(a => a.Rule).ShouldBe(rule is null ? [] : [rule]);
        if (rule == PortfolioAlertRules.DrawdownCritical) alerts[0].Severity.ShouldBe(AlertSeverity.Critical);
    }

    [Fact]
    public void Evaluate_RuleStillBreached_FiresOnceUntilItRecovers()
    {
        var rules = new PortfolioAlertRules(new AlertSettings());

        rules.Evaluate(Snapshot(9_000m, 0m, 0.06m)).ShouldHaveSingleItem();
        rules.Evaluate(Snapshot(9_000m, 0m, 0.07m)).ShouldBeEmpty();
        rules.Evaluate(Snapshot(9_000m, 0m, 0.01m)).ShouldBeEmpty();
        rules.Evaluate(Snapshot(9_000m, 0m, 0.06m)).ShouldHaveSingleItem().Rule.ShouldBe(PortfolioAlertRules.DrawdownWarning);
    }

    [Fact]
    public void Evaluate_ThresholdZero_TurnsTheRuleOff()
    {
        var rules = new PortfolioAlertRules(new AlertSettings { DailyLossPct = 0, DrawdownWarningPct = 0, DrawdownCriticalPct = 0 });

        rules.Evaluate(Snapshot(5_000m, -5_000m, 0.5m)).ShouldBeEmpty();
    }

    [Fact]
    public void Record_SixErrorsInAMinute_WarnsOnceAtTheSixth()
    {
        var rule = new ExchangeErrorRule(5);
        var start = DateTimeOffset.UnixEpoch;

        var fired = Enumerable.Range(0, 8).Select(i => rule.Record(start.AddSeconds(i * 5), "-1003")).ToList();

        fired.Take(5).ShouldAllBe(a => a == null);
        fired[5].ShouldNotBeNull().Rule.ShouldBe(ExchangeErrorRule.Name);
        fired.Skip(6).ShouldAllBe(a => a == null);
    }

    [Fact]
    public void Record_SixErrorsSpreadOverMoreThanAMinute_DoesNotWarn()
    {
        var rule = new ExchangeErrorRule(5);

        var fired = Enumerable.Range(0, 6).Select(i => rule.Record(DateTimeOffset.UnixEpoch.AddSeconds(i * 13), "500")).ToList();

        fired.ShouldAllBe(a => a == null);
    }

    private static PortfolioSnapshot Snapshot(decimal equity, decimal dailyPnl, decimal drawdown) =>
        new() { Time = DateTimeOffset.UnixEpoch, Equity = equity, DailyPnl = dailyPnl, Drawdown = drawdown };
}
