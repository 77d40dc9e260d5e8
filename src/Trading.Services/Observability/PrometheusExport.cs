using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Prometheus;

namespace Trading.Services.Observability;

/// <summary>
/// Publishes the "Trading" meter in prometheus-net's default registry under the instruments' own names and types (a counter as a
/// counter, the histogram with second buckets), so MapMetrics and <see cref="MetricsServer"/> serve them. prometheus-net's own
/// meter adapter would export counters as prefixed gauges, so it is off.
/// </summary>
public static class PrometheusExport
{
    private static readonly Dictionary<string, string[]> LabelNames = new(StringComparer.Ordinal)
    {
        ["orders_total"] = ["status"],
        ["signals_total"] = ["strategy"],
        ["risk_denials_total"] = ["check"],
        ["exchange_errors_total"] = ["code"],
        ["bus_pending_messages"] = ["stream"],
    };

    private static readonly ConcurrentDictionary<Instrument, Collector> Collectors = new();
    private static readonly Lock Gate = new();
    private static MeterListener? _listener;

    /// <summary>Idempotent; call before the registry is first scraped (every host does, through AddTradingPlatform).</summary>
    public static void Enable()
    {
        lock (Gate)
        {
            if (_listener is not null) return;
            // Process metrics stay; the runtime's event counters and meters are left out: their names fail promtool's lint.
            Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressEventCounters = true, SuppressMeters = true });
            _listener = new MeterListener { InstrumentPublished = Publish };
            _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
            _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
            _listener.Start();
            Metrics.DefaultRegistry.AddBeforeCollectCallback(() => _listener.RecordObservableInstruments());
        }
    }

    private static void Publish(Instrument instrument, MeterListener listener)
    {
        if (instrument.Meter.Name != TradingMetrics.MeterName) return;
        var labels = LabelNames.GetValueOrDefault(instrument.Name) ?? [];
        var help = instrument.Description ?? instrument.Name;
        Collectors.GetOrAdd(instrument, i => i switch
        {
            Counter<long> => Metrics.CreateCounter(i.Name, help, labels),
            Histogram<double> => Metrics.CreateHistogram(i.Name, help, new HistogramConfiguration
            {
                LabelNames = labels,
                Buckets = Histogram.ExponentialBuckets(0.005, 2, 12),
            }),
            _ => Metrics.CreateGauge(i.Name, help, new GaugeConfiguration { LabelNames = labels, SuppressInitialValue = true }),
        });
        listener.EnableMeasurementEvents(instrument);
    }

    private static void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!Collectors.TryGetValue(instrument, out var collector)) return;
        var names = LabelNames.GetValueOrDefault(instrument.Name) ?? [];
        var values = new string[names.Length];
        for (var n = 0; n < names.Length; n++)
        {
            values[n] = "";
            foreach (var tag in tags)
                if (tag.Key == names[n]) values[n] = tag.Value?.ToString() ?? "";
        }
        switch (collector)
        {
            case Counter counter: counter.WithLabels(values).Inc(value); break;
            case Histogram histogram: histogram.WithLabels(values).Observe(value); break;
            case Gauge gauge: gauge.WithLabels(values).Set(value); break;
        }
    }
}
