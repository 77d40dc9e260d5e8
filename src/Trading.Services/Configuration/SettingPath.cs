using System.Text;

namespace Trading.Services.Configuration;

/// <summary>Turns a nested file path such as <c>Trading:DataDir</c> or <c>binance.base_url</c> into a setting name (<c>TRADING_DATA_DIR</c>).</summary>
public static class SettingPath
{
    public static string ToSettingName(IEnumerable<string> segments) =>
        string.Join('_', segments.Select(ToUpperSnake));

    public static string ToUpperSnake(string segment)
    {
        var builder = new StringBuilder(segment.Length + 4);
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (c is '-' or '.' or ' ') c = '_';
            var startsWord = char.IsUpper(c) && i > 0 && (char.IsLower(segment[i - 1]) || char.IsDigit(segment[i - 1]));
            if (startsWord && builder.Length > 0 && builder[^1] != '_') builder.Append('_');
            builder.Append(char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }
}
