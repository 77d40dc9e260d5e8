using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Trading.Services.Observability.Logging;

/// <summary>Writes each event as one formatted line, whole, to a shared writer (stderr), flushing after each.</summary>
internal sealed class SynchronizedWriterSink(ITextFormatter formatter, TextWriter output) : ILogEventSink
{
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        var line = new StringWriter();
        formatter.Format(logEvent, line);
        lock (_gate)
        {
            output.Write(line.ToString());
            output.Flush();
        }
    }
}
