using Trading.Binance.UserData;
using Trading.Core.Execution;
using Trading.Core.Model;

namespace Trading.Binance.Execution;

/// <summary>An executionReport as a domain order report: its transitions come from <see cref="ExecutionReportUpdates"/>.</summary>
public sealed record BinanceOrderReport(OrderUpdate Report)
    : VenueOrderReport(Report.ClientOrderId, Report.CumulativeQuantity, $"{Report.Side} {Report.Symbol}, {Report.Status}")
{
    public override IReadOnlyList<VenueUpdate>? UpdatesFor(Order stored) => ExecutionReportUpdates.Between(stored, Report);
}
