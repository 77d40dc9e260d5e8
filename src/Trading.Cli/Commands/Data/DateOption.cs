using System.Globalization;

namespace Trading.Cli.Commands.Data;

/// <summary>Dates on the command line: 2024-01-01 or 2024-01-01T12:00 (UTC unless an offset is given).</summary>
internal static class DateOption
{
    public static bool TryParse(string? text, string optionName, out DateTimeOffset value)
    {
        value = default;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
            return true;
        Console.Error.WriteLine($"error: {optionName} '{text}' is not a date; use e.g. 2024-01-01 or 2024-01-01T12:00");
        return false;
    }
}
