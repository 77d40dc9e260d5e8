namespace Trading.Binance.Errors;

/// <summary>HTTP 418: the IP is banned; no request may be sent before <see cref="BannedUntil"/>.</summary>
public sealed class BinanceBannedException(DateTimeOffset bannedUntil)
    : Exception($"Binance has banned this IP until {bannedUntil:yyyy-MM-dd HH:mm:ss} UTC (HTTP 418); requests are stopped until then.")
{
    public DateTimeOffset BannedUntil { get; } = bannedUntil;
}
