using Trading.Core.Model;

namespace Trading.Core.Data;

/// <summary>
/// Infers symbol and timeframe from a file name such as BTCUSDT-1m-2024-01-01.zip or btcusdt_1h_5year.csv:
/// the first token that is a Binance interval, and the first all-letter token ending in a known quote asset.
/// </summary>
public static class SeriesNameInference
{
    private static readonly string[] Quotes = ["USDT", "FDUSD", "USDC", "BUSD", "TUSD", "BTC", "ETH", "BNB", "EUR", "TRY"];

    public static (Symbol? Symbol, Timeframe? Timeframe) Infer(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName ?? string.Empty);
        Symbol? symbol = null;
        Timeframe? timeframe = null;
        foreach (var token in name.Split(['-', '_', '.', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (timeframe is null && Timeframe.TryParse(token, out var tf)) timeframe = tf;
            else if (symbol is null && LooksLikePair(token)) symbol = Symbol.Parse(token);
        }
        return (symbol, timeframe);
    }

    private static bool LooksLikePair(string token)
    {
        var upper = token.ToUpperInvariant();
        return upper.All(char.IsAsciiLetterOrDigit) && char.IsAsciiLetter(upper[0])
            && Quotes.Any(q => upper.Length > q.Length + 1 && upper.EndsWith(q, StringComparison.Ordinal));
    }
}
