using System.Globalization;
using Trading.Core.Model;
using Trading.Services.Configuration;

namespace Trading.Services.Observability.Alerts;

/// <summary>
/// The portfolio rules of the alerts: block, edge-triggered: a rule fires when its value goes over the threshold and again only
/// after it came back to or below it. Daily loss over the threshold warns; drawdown over the warning threshold warns, and over the
/// critical one is critical (the caller engages the kill switch).
/// </summary>
public sealed class PortfolioAlertRules(AlertSettings settings)
{
    public const string DailyLoss = "daily_loss";
    public const string DrawdownWarning = "drawdown_warning";
    public const string DrawdownCritical = "drawdown_critical";

    private readonly HashSet<string> _active = new(StringComparer.Ordinal);

    public IReadOnlyList<Alert> Evaluate(PortfolioSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var alerts = new List<Alert>();
        var dayStart = snapshot.Equity - snapshot.DailyPnl;
        var lossPct = dayStart > 0 && snapshot.DailyPnl < 0 ? -snapshot.DailyPnl / dayStart * 100m : 0m;
        var drawdownPct = snapshot.Drawdown * 100m;
        Check(DailyLoss, settings.DailyLossPct, lossPct, AlertSeverity.Warning, $"daily loss {Pct(lossPct)} % is over {Pct(settings.DailyLossPct)} %", snapshot.Time, alerts);
        Check(DrawdownCritical, settings.DrawdownCriticalPct, drawdownPct, AlertSeverity.Critical,
            $"drawdown {Pct(drawdownPct)} % is over {Pct(settings.DrawdownCriticalPct)} %: kill switch engaged", snapshot.Time, alerts);
        if (!_active.Contains(DrawdownCritical))
            Check(DrawdownWarning, settings.DrawdownWarningPct, drawdownPct, AlertSeverity.Warning,
                $"drawdown {Pct(drawdownPct)} % is over {Pct(settings.DrawdownWarningPct)} %", snapshot.Time, alerts);
        return alerts;
    }

    private void Check(string rule, decimal threshold, decimal value, AlertSeverity severity, string message, DateTimeOffset time, List<Alert> alerts)
    {
        if (threshold <= 0 || value <= threshold)
        {
            _active.Remove(rule);
            return;
        }
        if (_active.Add(rule)) alerts.Add(new Alert(severity, rule, message, time));
    }

    private static string Pct(decimal value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
