using System.Text.Json;
using Trading.Binance.Errors;
using Trading.Binance.Json;
using Trading.Core.Model;

namespace Trading.Binance;

/// <summary>Reads an /api/v3/exchangeInfo body: symbols with their status, assets and filters, and the request-weight limit.</summary>
public static class ExchangeInfoReader
{
    /// <exception cref="BinanceMalformedResponseException">The body is not an exchangeInfo payload.</exception>
    public static ExchangeInfo Read(byte[] body)
    {
        ExchangeInfoDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(body, BinanceJsonContext.Default.ExchangeInfoDto);
        }
        catch (JsonException ex)
        {
            throw new BinanceMalformedResponseException($"Malformed Binance exchangeInfo payload: {ex.Message}", ex);
        }
        if (dto is null) throw new BinanceMalformedResponseException("Malformed Binance exchangeInfo payload: empty body.");
        if (dto.Symbols is null) throw new BinanceMalformedResponseException("Malformed Binance exchangeInfo payload: 'symbols' is missing.");
        var weight = dto.RateLimits?.FirstOrDefault(r => r is { RateLimitType: "REQUEST_WEIGHT", Interval: "MINUTE", IntervalNum: 1 })?.Limit;
        var symbols = new Dictionary<Symbol, SymbolInfo>();
        foreach (var symbol in dto.Symbols)
        {
            if (!Symbol.TryParse(symbol.Symbol, out _)) continue;
            var info = ExchangeInfoMapper.ToSymbolInfo(symbol);
            symbols[info.Symbol] = info;
        }
        return new ExchangeInfo(DateTimeOffset.FromUnixTimeMilliseconds(dto.ServerTime), weight, symbols);
    }
}
