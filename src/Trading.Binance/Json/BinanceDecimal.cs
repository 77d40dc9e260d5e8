using System.Globalization;
using Trading.Binance.Errors;

namespace Trading.Binance.Json;

public static class BinanceDecimal
{
    public static decimal Parse(string? text, string field) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new BinanceMalformedResponseException($"Malformed Binance payload: field '{field}' is not a decimal ('{text}').");

    public static decimal ParseOrZero(string? text, string field) => text is null ? 0m : Parse(text, field);

    /// <summary>Binance's REST style: eight decimals, e.g. "0.01634790".</summary>
    public static string Format(decimal value) => value.ToString("0.00000000", CultureInfo.InvariantCulture);
}
