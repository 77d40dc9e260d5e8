using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trading.Binance.Json;

internal sealed record ErrorBodyDto(int Code, string? Msg);

internal sealed record ServerTimeDto(long ServerTime);

internal sealed record BookTickerDto(string Symbol, string? BidPrice, string? BidQty, string? AskPrice, string? AskQty);

internal sealed record ExchangeInfoDto(long ServerTime, IReadOnlyList<RateLimitDto>? RateLimits, IReadOnlyList<SymbolDto>? Symbols);

internal sealed record RateLimitDto(string RateLimitType, string Interval, int IntervalNum, int Limit);

internal sealed record SymbolDto(string Symbol, string Status, string BaseAsset, string QuoteAsset, IReadOnlyList<FilterDto>? Filters);

/// <summary>Every filter type flattened into one shape; fields a filter does not have stay null.</summary>
internal sealed record FilterDto(
    string FilterType,
    string? MinPrice,
    string? MaxPrice,
    string? TickSize,
    string? MinQty,
    string? MaxQty,
    string? StepSize,
    string? MinNotional,
    string? MaxNotional);

/// <summary>A combined-stream frame: {"stream":"btcusdt@kline_1m","data":{...}}.</summary>
internal sealed record CombinedFrameDto(string? Stream, StreamEventDto? Data);

internal sealed record StreamEventDto(
    [property: JsonPropertyName("e")] string? EventType,
    [property: JsonPropertyName("E")] long EventTime,
    [property: JsonPropertyName("s")] string? Symbol,
    [property: JsonPropertyName("k")] KlineDto? Kline);

internal sealed record KlineDto(
    [property: JsonPropertyName("t")] long OpenTime,
    [property: JsonPropertyName("T")] long CloseTime,
    [property: JsonPropertyName("s")] string Symbol,
    [property: JsonPropertyName("i")] string Interval,
    [property: JsonPropertyName("o")] string Open,
    [property: JsonPropertyName("c")] string Close,
    [property: JsonPropertyName("h")] string High,
    [property: JsonPropertyName("l")] string Low,
    [property: JsonPropertyName("v")] string Volume,
    [property: JsonPropertyName("n")] long TradeCount,
    [property: JsonPropertyName("x")] bool IsClosed,
    [property: JsonPropertyName("q")] string QuoteVolume);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(ErrorBodyDto))]
[JsonSerializable(typeof(ServerTimeDto))]
[JsonSerializable(typeof(BookTickerDto))]
[JsonSerializable(typeof(ExchangeInfoDto))]
[JsonSerializable(typeof(CombinedFrameDto))]
internal sealed partial class BinanceJsonContext : JsonSerializerContext;
