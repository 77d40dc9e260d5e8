using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Trading.Core.Model;

namespace Trading.Services.Observability;

/// <summary>
/// Every platform instrument, on the one <see cref="System.Diagnostics.Metrics.Meter"/> "Trading" (exported by prometheus-net's
/// default registry, which publishes .NET meters). Counters are fed by <see cref="MetricsObserverService"/> from bus messages and
/// by one-line hooks; the gauges read the latest values the observer set.
/// </summary>
public static class TradingMetrics
{
    public const string MeterName = "Trading";

    private static readonly Meter Meter = new(MeterName);
    private static readonly ConcurrentDictionary<string, Func<long?>> PendingByStream = new(StringComparer.Ordinal);
    private static PortfolioSnapshot? _portfolio;

    public static Counter<long> Orders { get; } = Meter.CreateCounter<long>("orders_total", description: "Order state changes, by status");

    public static Counter<long> Fills { get; } = Meter.CreateCounter<long>("fills_total", description: "Fills booked");

    public static Counter<long> Signals { get; } = Meter.CreateCounter<long>("signals_total", description: "Signals emitted, by strategy");

    public static Counter<long> RiskDenials { get; } = Meter.CreateCounter<long>("risk_denials_total", description: "Risk gate denials, by check");

    public static Histogram<double> ExchangeRequestDuration { get; } = Meter.CreateHistogram<double>("exchange_request_duration_seconds",
        description: "Binance REST request duration in seconds");

    public static Counter<long> ExchangeErrors { get; } = Meter.CreateCounter<long>("exchange_errors_total",
        description: "Failed Binance REST requests, by Binance error code or HTTP status");

    public static Counter<long> WsReconnects { get; } = Meter.CreateCounter<long>("ws_reconnects_total", description: "WebSocket reconnects");

    public static Counter<long> BotRestarts { get; } = Meter.CreateCounter<long>("bot_restarts_total", description: "Bots running again after a failure");

    static TradingMetrics()
    {
        PrometheusExport.Enable();
        Meter.CreateObservableGauge("portfolio_value", () => Portfolio(s => s.Equity), description: "Equity in the quote asset");
        Meter.CreateObservableGauge("daily_pnl", () => Portfolio(s => s.DailyPnl), description: "Profit and loss since the UTC day's start");
        Meter.CreateObservableGauge("drawdown_ratio", () => Portfolio(s => s.Drawdown), description: "Drawdown from the equity peak, 0..1");
        Meter.CreateObservableGauge("bus_pending_messages", PendingMessages, description: "Messages published and not yet handled, by stream");
    }

    /// <summary>The latest stored portfolio snapshot, which the portfolio gauges report.</summary>
    public static void SetPortfolio(PortfolioSnapshot snapshot) => _portfolio = snapshot;

    /// <summary>Reports <paramref name="pending"/> as the stream's backlog until <see cref="UntrackStream"/>.</summary>
    public static void TrackStream(string stream, Func<long?> pending) => PendingByStream[stream] = pending;

    public static void UntrackStream(string stream) => PendingByStream.TryRemove(stream, out _);

    public static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);

    private static IEnumerable<Measurement<double>> Portfolio(Func<PortfolioSnapshot, decimal> read) =>
        _portfolio is { } snapshot ? [new Measurement<double>((double)read(snapshot))] : [];

    private static IEnumerable<Measurement<long>> PendingMessages() =>
        PendingByStream.Select(p => (Stream: p.Key, Pending: p.Value()))
            .Where(p => p.Pending is not null)
            .Select(p => new Measurement<long>(p.Pending!.Value, Tag("stream", p.Stream)));
}
