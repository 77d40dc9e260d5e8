using System.Globalization;
using System.Text;

namespace Trading.Binance.Signing;

/// <summary>
/// Builds the exact query or form bytes sent to Binance: parameters in insertion order, values percent-encoded
/// (RFC 3986, upper-case hex) and formatted with the invariant culture, never in scientific notation.
/// </summary>
public sealed class BinanceQueryString
{
    private readonly List<KeyValuePair<string, string>> _parameters = [];

    public IReadOnlyList<KeyValuePair<string, string>> Parameters => _parameters;

    public BinanceQueryString Add(string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) _parameters.Add(new(name, value));
        return this;
    }

    public BinanceQueryString Add(string name, decimal? value) =>
        value is null ? this : Add(name, FormatDecimal(value.Value));

    public BinanceQueryString Add(string name, long? value) =>
        value is null ? this : Add(name, value.Value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Plain decimal text without exponent or trailing zeros, e.g. 0.10 → "0.1".</summary>
    public static string FormatDecimal(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in _parameters)
        {
            if (builder.Length > 0) builder.Append('&');
            builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }
        return builder.ToString();
    }
}
