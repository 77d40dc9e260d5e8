using System.Text.Json;

namespace Trading.Api.Contracts;

/// <summary>POST /backtests: what `trading backtest run` takes; from and to are UTC times, to exclusive.</summary>
public sealed record BacktestRunRequest(
    string? Strategy,
    string? Symbol,
    string? Timeframe,
    DateTimeOffset? From,
    DateTimeOffset? To,
    decimal? Balance,
    decimal? FeeBps,
    decimal? SlippageBps,
    IReadOnlyDictionary<string, string>? Parameters);

/// <summary>A backtest as GET /backtests lists it, and GET /backtests/{id} with its results once completed.</summary>
public sealed record BacktestResponse(
    string Id,
    string Status,
    string? Kind,
    string? Strategy,
    string? Symbol,
    string? Timeframe,
    DateTimeOffset? From,
    DateTimeOffset? To,
    DateTimeOffset? CreatedAt,
    string? Error,
    JsonElement? Parameters = null,
    JsonElement? Statistics = null,
    JsonElement? Trades = null,
    JsonElement? Chart = null);
