namespace Trading.Binance.Errors;

/// <summary>Binance answered with its error body {"code","msg"}: the request was rejected and must not be retried as is.</summary>
public sealed class BinanceApiException(int httpStatus, int code, string binanceMessage)
    : Exception($"Binance rejected the request: {binanceMessage} (code {code}, HTTP {httpStatus}).")
{
    public const int InvalidSymbol = -1121;

    public int HttpStatus { get; } = httpStatus;

    public int Code { get; } = code;

    public string BinanceMessage { get; } = binanceMessage;
}
