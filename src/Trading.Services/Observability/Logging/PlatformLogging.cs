using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;
using Trading.Services.Configuration;

namespace Trading.Services.Observability.Logging;

/// <summary>
/// The platform's Serilog logger: JSON lines (rendered compact JSON) or one readable line per event, on stderr; every event
/// carries its service and, inside a signal's scope, its bot, symbol and correlation id. Values equal to a configured secret are
/// masked and control characters in strings escaped before any formatter sees them. Host start-up chatter is dropped.
/// </summary>
public static class PlatformLogging
{
    public const string TextTemplate = "{Timestamp:HH:mm:ss} {Level:u3} [{service}] {Message:lj}{NewLine}{Exception}";

    public static Logger Create(TradingSettings settings, TextWriter output, bool isTerminal)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var level = Level(settings.LogLevel);
        var secrets = SecretValues(settings);
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(level ?? LogEventLevel.Fatal)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.With(new ServiceEnricher(), new SafeValuesEnricher(secrets));
        if (level is null) return configuration.CreateLogger();
        return configuration.WriteTo.Sink(new SynchronizedWriterSink(Formatter(settings.LogFormat, isTerminal), output, secrets)).CreateLogger();
    }

    public static ITextFormatter Formatter(LogFormat format, bool isTerminal) =>
        format == LogFormat.Json || (format == LogFormat.Auto && !isTerminal)
            ? new RenderedCompactJsonFormatter()
            : new MessageTemplateTextFormatter(TextTemplate, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every secret setting's value, longest first, so a secret is masked wherever a property holds it.</summary>
    public static IReadOnlyList<string> SecretValues(TradingSettings settings) =>
        SettingDefinitions.All.Where(d => d.Mask == MaskKind.Secret).Select(d => d.Read(settings))
            .Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).OrderByDescending(v => v.Length).ToArray();

    /// <summary>LOG_LEVEL in Serilog's terms; null for None.</summary>
    private static LogEventLevel? Level(string level) => level switch
    {
        "Trace" => LogEventLevel.Verbose,
        "Debug" => LogEventLevel.Debug,
        "Warning" => LogEventLevel.Warning,
        "Error" => LogEventLevel.Error,
        "Critical" => LogEventLevel.Fatal,
        "None" => null,
        _ => LogEventLevel.Information,
    };
}
