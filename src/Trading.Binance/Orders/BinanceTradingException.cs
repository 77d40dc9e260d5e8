namespace Trading.Binance.Orders;

/// <summary>What a Binance error code means for the caller.</summary>
public enum BinanceErrorKind
{
    Other,
    InsufficientBalance,
    DuplicateOrder,
    FilterFailure,
    UnknownOrder,
    OrderDoesNotExist,
    InvalidTimestamp,
    InvalidSignature,
    InvalidApiKey,
    InvalidSymbol,
    InvalidParameter,
}

/// <summary>Binance rejected a signed request with {"code","msg"}. Never carries the key, secret or signature.</summary>
public sealed class BinanceTradingException(int httpStatus, int code, string binanceMessage, string operation)
    : Exception(Describe(code, binanceMessage, operation))
{
    public int HttpStatus { get; } = httpStatus;

    public int Code { get; } = code;

    public string BinanceMessage { get; } = binanceMessage;

    public BinanceErrorKind Kind { get; } = Classify(code, binanceMessage);

    /// <summary>The error answer as received, for codes that carry more than {code, msg} (cancel-replace's -2021/-2022 "data").</summary>
    public byte[]? Body { get; init; }

    public static BinanceErrorKind Classify(int code, string message) => code switch
    {
        -2010 when message.Contains("insufficient balance", StringComparison.OrdinalIgnoreCase) => BinanceErrorKind.InsufficientBalance,
        -2010 when message.Contains("Duplicate order", StringComparison.OrdinalIgnoreCase) => BinanceErrorKind.DuplicateOrder,
        -1013 => BinanceErrorKind.FilterFailure,
        -2011 => BinanceErrorKind.UnknownOrder,
        -2013 => BinanceErrorKind.OrderDoesNotExist,
        -1021 => BinanceErrorKind.InvalidTimestamp,
        -1022 => BinanceErrorKind.InvalidSignature,
        -2014 or -2015 => BinanceErrorKind.InvalidApiKey,
        -1121 => BinanceErrorKind.InvalidSymbol,
        -1100 or -1102 or -1104 or -1105 or -1106 or -1111 or -1115 or -1116 or -1117 => BinanceErrorKind.InvalidParameter,
        _ => BinanceErrorKind.Other,
    };

    private static string Describe(int code, string message, string operation)
    {
        var hint = Classify(code, message) switch
        {
            BinanceErrorKind.InvalidTimestamp => " The local clock is off the server's; sync it with /api/v3/time.",
            BinanceErrorKind.InvalidSignature => " Check the API secret.",
            BinanceErrorKind.InvalidApiKey => " Check the API key and its permissions.",
            _ => "",
        };
        return $"Binance rejected {operation}: {message} (code {code}).{hint}";
    }
}
