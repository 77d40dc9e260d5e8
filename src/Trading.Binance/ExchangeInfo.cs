using Trading.Core.Model;

namespace Trading.Binance;

/// <summary>The part of /api/v3/exchangeInfo the platform uses.</summary>
public sealed record ExchangeInfo(DateTimeOffset ServerTime, int? RequestWeightPerMinute, IReadOnlyDictionary<Symbol, SymbolInfo> Symbols);
