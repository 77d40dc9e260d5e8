using Serilog.Core;
using Serilog.Events;

namespace Trading.Services.Observability.Logging;

/// <summary>Adds <c>service</c>: the platform service a log category belongs to, by its namespace.</summary>
internal sealed class ServiceEnricher : ILogEventEnricher
{
    private static readonly (string Namespace, string Service)[] Services =
    [
        ("Trading.Services.MarketData", "data-collector"),
        ("Trading.Binance", "exchange"),
        ("Trading.Services.Strategies", "strategy-engine"),
        ("Trading.Services.Execution", "order-executor"),
        ("Trading.Services.Portfolio", "portfolio-manager"),
        ("Trading.Services.Bots", "bot-supervisor"),
        ("Trading.Services.Observability", "observability"),
        ("Trading.Messaging", "bus"),
        ("Trading.Api", "api"),
    ];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var category = logEvent.Properties.TryGetValue(Constants.SourceContextPropertyName, out var value) && value is ScalarValue { Value: string s } ? s : "";
        var service = Services.FirstOrDefault(p => category.StartsWith(p.Namespace, StringComparison.Ordinal)).Service ?? "trading";
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("service", service));
    }
}
