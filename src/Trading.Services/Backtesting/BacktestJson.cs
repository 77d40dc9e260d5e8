using System.Text.Json;
using System.Text.Json.Serialization;
using Trading.Core.Backtesting;
using Trading.Core.Backtesting.Reports;
using Trading.Core.Backtesting.Statistics;
using Trading.Core.Storage;

namespace Trading.Services.Backtesting;

/// <summary>
/// The JSON columns of a stored run. Kind "backtest": ParametersJson = {strategy, parameters, balance, feeBps,
/// slippageBps, tickSize, stepSize}; StatisticsJson = the statistics; TradesJson = the closed trades; EquityJson = the chart series
/// (equity, drawdown and OHLC in at most 4,000 buckets, with the fill markers).
/// </summary>
public static class BacktestJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Stored JSON for {typeof(T).Name} is empty.");

    public static BacktestRunRecord ToRecord(string id, BacktestRequest request, IReadOnlyDictionary<string, string> values, BacktestReport report) => new()
    {
        Id = id,
        Kind = "backtest",
        Strategy = request.Strategy,
        Symbol = request.Symbol.Name,
        Timeframe = request.Timeframe.Name,
        FromMs = request.FromMs,
        ToMs = request.ToMs,
        CreatedAt = DateTimeOffset.UtcNow,
        ParametersJson = Serialize(new StoredParameters(request.Strategy, values, request.Balance, request.FeeBps, request.SlippageBps,
            report.TickSize, report.StepSize, FuturesRunParameters.From(report.Futures))),
        StatisticsJson = Serialize(report.Statistics),
        TradesJson = Serialize(report.Trades),
        EquityJson = Serialize(report.Chart),
    };

    /// <summary>Rebuilds the report of a stored backtest run.</summary>
    public static BacktestReport ToReport(BacktestRunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Kind != "backtest") throw new BacktestInputException($"Run {record.Id} is a {record.Kind} run, which has no chart report.");
        var parameters = Deserialize<StoredParameters>(record.ParametersJson);
        return new BacktestReport
        {
            RunId = record.Id,
            Strategy = record.Strategy,
            Symbol = record.Symbol,
            Timeframe = record.Timeframe,
            From = DateTimeOffset.FromUnixTimeMilliseconds(record.FromMs),
            To = DateTimeOffset.FromUnixTimeMilliseconds(record.ToMs - 1), // the last millisecond, as a run reports its last close
            Parameters = parameters.Parameters,
            Statistics = Deserialize<BacktestStatistics>(record.StatisticsJson),
            Trades = Deserialize<ClosedTrade[]>(record.TradesJson),
            Chart = Deserialize<ChartSeries>(record.EquityJson),
            TickSize = parameters.TickSize,
            StepSize = parameters.StepSize,
        };
    }

    /// <summary>TickSize and StepSize are 0 in runs stored before they were kept; Futures is written for usdm runs only.</summary>
    public sealed record StoredParameters(string Strategy, IReadOnlyDictionary<string, string> Parameters, decimal Balance, decimal FeeBps,
        decimal SlippageBps, decimal TickSize = 0, decimal StepSize = 0,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FuturesRunParameters? Futures = null);
}
