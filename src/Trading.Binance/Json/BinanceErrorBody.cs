using System.Text;
using System.Text.Json;
using Trading.Binance.Errors;

namespace Trading.Binance.Json;

internal static class BinanceErrorBody
{
    /// <summary>Turns a 4xx answer into a typed exception, with Binance's code when the body carries one.</summary>
    public static Exception ToException(int httpStatus, byte[] body)
    {
        try
        {
            var error = JsonSerializer.Deserialize(body, BinanceJsonContext.Default.ErrorBodyDto);
            if (error is { Code: not 0 })
                return new BinanceApiException(httpStatus, error.Code, error.Msg ?? "(no message)");
        }
        catch (JsonException)
        {
            // Not Binance's error shape: report the raw text below.
        }
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200)).ReplaceLineEndings(" ");
        return new BinanceApiException(httpStatus, 0, $"HTTP {httpStatus}: {text}");
    }
}
