using System.Text;
using Serilog.Core;
using Serilog.Events;

namespace Trading.Services.Observability.Logging;

/// <summary>
/// Rewrites every string property before formatting: a configured secret inside it becomes "***", and control characters (a
/// newline or an ANSI escape in a user-given bot name) are escaped as \n or \u001b, so one event stays one honest line.
/// </summary>
internal sealed class SafeValuesEnricher(IReadOnlyList<string> secrets) : ILogEventEnricher
{
    public const string Mask = "***";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToArray())
        {
            var safe = Clean(value);
            if (!ReferenceEquals(safe, value)) logEvent.AddOrUpdateProperty(new LogEventProperty(name, safe));
        }
    }

    private LogEventPropertyValue Clean(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } when Safe(text) is var safe && !ReferenceEquals(safe, text) => new ScalarValue(safe),
        SequenceValue sequence => new SequenceValue(sequence.Elements.Select(Clean)),
        StructureValue structure => new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Clean(p.Value))), structure.TypeTag),
        DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(e => KeyValuePair.Create(e.Key, Clean(e.Value)))),
        _ => value,
    };

    public string Safe(string text)
    {
        var result = text;
        foreach (var secret in secrets)
            if (result.Contains(secret, StringComparison.Ordinal)) result = result.Replace(secret, Mask, StringComparison.Ordinal);
        return result.Any(char.IsControl) ? Escape(result) : result;
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (!char.IsControl(c)) builder.Append(c);
            else if (c == '\n') builder.Append("\\n");
            else if (c == '\r') builder.Append("\\r");
            else if (c == '\t') builder.Append("\\t");
            else builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
