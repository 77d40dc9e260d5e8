using Trading.Core.Model;

namespace Trading.Api.Contracts;

/// <summary>One candle: open time in Unix milliseconds (UTC) and its prices as numbers.</summary>
public sealed record CandleResponse(long Time, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, bool Closed)
{
    public static CandleResponse From(Candle candle, bool closed = true) =>
        new(candle.OpenTimeMs, candle.Open, candle.High, candle.Low, candle.Close, candle.Volume, closed);
}

/// <summary>One strategy of GET /strategies.</summary>
public sealed record StrategyResponse(string Name, string Source, string Summary, IReadOnlyList<StrategyParameterResponse> Parameters);

public sealed record StrategyParameterResponse(string Name, string Kind, string Default, string Range, string Description);
