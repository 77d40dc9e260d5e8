using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Trading.Services.Observability.Logging;

/// <summary>
/// Writes each event as one formatted line, whole, to a shared writer (stderr), flushing after each. A secret that still reached
/// the line (inside an exception's message or stack) is masked here, last.
/// </summary>
internal sealed class SynchronizedWriterSink(ITextFormatter formatter, TextWriter output, IReadOnlyList<string> secrets) : ILogEventSink
{
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        var line = new StringWriter();
        formatter.Format(logEvent, line);
        var text = line.ToString();
        foreach (var secret in secrets) text = text.Replace(secret, SafeValuesEnricher.Mask, StringComparison.Ordinal);
        lock (_gate)
        {
            output.Write(text);
            output.Flush();
        }
    }
}
