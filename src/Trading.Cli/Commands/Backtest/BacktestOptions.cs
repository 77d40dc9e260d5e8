using System.CommandLine;
using System.Globalization;
using Trading.Core.Backtesting;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Services.Backtesting;
using Trading.Services.Configuration;
using Trading.Services.Execution;

namespace Trading.Cli.Commands.Backtest;

/// <summary>The options `backtest run` and `backtest optimize` share, and how their text becomes a request.</summary>
internal sealed class BacktestOptions
{
    public Option<string> Strategy { get; } = new("--strategy")
    {
        Description = "Strategy name (trading strategy list); backtest run takes several, a,b,c, for a portfolio run on one account under the allocator",
        Required = true,
    };
    public Option<string> Symbol { get; } = new("--symbol") { Description = "Symbol, e.g. BTCUSDT", Required = true };
    public Option<string> From { get; } = new("--from") { Description = "First day (UTC), e.g. 2023-01-01, or an ISO time", Required = true };
    public Option<string> To { get; } = new("--to") { Description = "Last day (UTC, inclusive), e.g. 2023-12-31, or an exclusive ISO time", Required = true };
    public Option<string> Timeframe { get; } = new("--timeframe") { Description = "Candle interval; resampled from 1m when not stored", DefaultValueFactory = _ => "1m" };
    public Option<decimal> Balance { get; } = new("--balance") { Description = "Starting quote balance", DefaultValueFactory = _ => 10_000m };
    public Option<decimal> FeeBps { get; } = new("--fee-bps") { Description = "Maker and taker fee in basis points", DefaultValueFactory = _ => 10m };
    public Option<decimal> SlippageBps { get; } = new("--slippage-bps") { Description = "Slippage on market fills in basis points", DefaultValueFactory = _ => 2m };
    public Option<string[]> Params { get; } = new("--param") { Description = "Strategy parameter name=value (repeatable)" };
    public Option<string?> Filters { get; } = new("--filters")
    {
        Description = "Exchange filters tick=,step=,min_notional= (any of them); default: stored, else shipped, else derived from the candles",
    };

    public Option<string?> Sizing { get; } = new("--sizing")
    {
        Description = "Position sizing MODE:VALUE, e.g. risk_based:1 or fixed_quote:100 (fixed_quantity, fixed_quote, equity_fraction, risk_based); " +
            "default: the signal's quantity, else SIZING/SIZING_VALUE",
    };

    public Option<decimal?> StopLossPct { get; } = new("--stop-loss-pct") { Description = "Stop-loss below each entry in percent, 0 = off (default: RISK_STOP_LOSS_PCT)" };

    public Option<decimal?> TakeProfitPct { get; } = new("--take-profit-pct") { Description = "Take-profit above each entry in percent, 0 = off (default: RISK_TAKE_PROFIT_PCT)" };

    public Option<string> Market { get; } = new("--market") { Description = "spot (default) or usdm (USDⓈ-M perpetual futures: shorts, leverage, funding, liquidation)", DefaultValueFactory = _ => "spot" };

    public Option<int?> Leverage { get; } = new("--leverage") { Description = "usdm: leverage of every position (default 1; at most the symbol's bracket maximum)" };

    public Option<decimal?> FundingRate { get; } = new("--funding-rate") { Description = "usdm: a stated constant funding rate per 8 h, e.g. 0.0001, when no fundingRate file is at hand" };

    public Option<string[]> FundingFiles { get; } = new("--funding-file") { Description = "usdm: data.binance.vision futures/um fundingRate file (.zip or .csv, repeatable)" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Strategy, Symbol, From, To, Timeframe, Balance, FeeBps, SlippageBps, Params, Filters, Sizing, StopLossPct, TakeProfitPct, Market, Leverage, FundingRate, FundingFiles })
            command.Options.Add(option);
    }

    /// <summary>Builds the request; parameters come from <paramref name="parameters"/> when given (the optimizer's fixed ones).</summary>
    public BacktestRequest ToRequest(ParseResult parse, TradingSettings settings, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var symbolText = parse.GetValue(Symbol) ?? "";
        if (!Core.Model.Symbol.TryParse(symbolText, out var symbol))
            throw new BacktestInputException($"--symbol '{symbolText}' is not a symbol like BTCUSDT.");
        var timeframeText = parse.GetValue(Timeframe) ?? "1m";
        if (!Core.Model.Timeframe.TryParse(timeframeText, out var timeframe))
            throw new BacktestInputException($"--timeframe '{timeframeText}' is unknown: use one of {string.Join(' ', Core.Model.Timeframe.Values)}.");
        return new BacktestRequest
        {
            Strategy = parse.GetValue(Strategy) ?? "",
            Symbol = symbol,
            Timeframe = timeframe,
            FromMs = ParseTime("--from", parse.GetValue(From), endOfDay: false),
            ToMs = ParseTime("--to", parse.GetValue(To), endOfDay: true),
            Balance = parse.GetValue(Balance),
            FeeBps = parse.GetValue(FeeBps),
            SlippageBps = parse.GetValue(SlippageBps),
            Parameters = parameters ?? ParseParameters(parse.GetValue(Params)),
            FilterOverride = parse.GetValue(Filters) is { } filters ? ParseFilters(filters) : null,
            Policy = PolicyFrom(parse, settings),
            Futures = FuturesFrom(parse, settings),
            Allocation = ExecutionServiceCollectionExtensions.AllocationLimitsFrom(settings),
        };
    }

    private FuturesRequest? FuturesFrom(ParseResult parse, TradingSettings settings)
    {
        var market = (parse.GetValue(Market) ?? "spot").Trim().ToLowerInvariant();
        var leverage = parse.GetValue(Leverage);
        var rate = parse.GetValue(FundingRate);
        var files = parse.GetValue(FundingFiles) ?? [];
        if (market == "spot")
        {
            if (leverage is not null || rate is not null || files.Length > 0)
                throw new BacktestInputException("--leverage, --funding-rate and --funding-file need --market usdm.");
            return null;
        }
        if (market != "usdm") throw new BacktestInputException($"--market '{market}' is unknown: use spot or usdm.");
        if (parse.GetValue(StopLossPct) is > 0 || parse.GetValue(TakeProfitPct) is > 0)
            throw new BacktestInputException("--stop-loss-pct and --take-profit-pct arm no exits in a futures backtest yet: leave them out with --market usdm.");
        return new FuturesRequest
        {
            Leverage = leverage ?? 1, FundingRate = rate, FundingFiles = files,
            RiskLimits = ExecutionServiceCollectionExtensions.FuturesRiskLimitsFrom(settings),
        };
    }

    /// <summary>The configured policy (the one live trading uses), with this command's overrides.</summary>
    private ExecutionPolicy PolicyFrom(ParseResult parse, TradingSettings settings)
    {
        var policy = ExecutionServiceCollectionExtensions.ExecutionPolicyFrom(settings);
        if (parse.GetValue(StopLossPct) is { } stop) policy = policy with { StopLossPct = stop };
        if (parse.GetValue(TakeProfitPct) is { } target) policy = policy with { TakeProfitPct = target };
        if (parse.GetValue(Sizing) is { } sizing) policy = policy with { Sizing = ParseSizing(sizing) };
        return policy;
    }

    private static PositionSizing ParseSizing(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !SizingNames.TryParse(text[..colon], out var mode)
            || !decimal.TryParse(text[(colon + 1)..], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value))
            throw new BacktestInputException($"--sizing '{text}' must look like MODE:VALUE with MODE one of {SizingNames.Choices}, e.g. risk_based:1.");
        if (SizingNames.Problem(mode, value) is { } problem) throw new BacktestInputException($"--sizing: {problem}");
        return new PositionSizing(mode, value);
    }

    private static FilterOverride ParseFilters(string text)
    {
        try
        {
            return FilterOverride.Parse(text);
        }
        catch (FormatException e)
        {
            throw new BacktestInputException(e.Message);
        }
    }

    public static Dictionary<string, string> ParseParameters(IEnumerable<string>? pairs)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs ?? [])
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new BacktestInputException($"--param '{pair}' must look like name=value.");
            values[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }
        return values;
    }

    /// <summary>The dates a backtest may name: market data exists from 2017 on, so these bounds only keep the arithmetic in range.</summary>
    public static readonly DateTimeOffset Earliest = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static long ParseTime(string option, string? text, bool endOfDay)
    {
        var ms = ParseTimeUnchecked(option, text, endOfDay);
        if (ms < Earliest.ToUnixTimeMilliseconds() || ms > Latest.ToUnixTimeMilliseconds())
            throw new BacktestInputException($"{option} '{text?.Trim()}' is outside {Earliest:yyyy-MM-dd}..{Latest.AddDays(-1):yyyy-MM-dd}.");
        return ms;
    }

    /// <summary>A date means the start of that UTC day (or, for --to, the end of it); a full ISO time is taken as is.</summary>
    private static long ParseTimeUnchecked(string option, string? text, bool endOfDay)
    {
        text = text?.Trim() ?? "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return (endOfDay && day < DateOnly.MaxValue ? start.AddDays(1) : start).ToUnixTimeMilliseconds();
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            return time.ToUnixTimeMilliseconds();
        throw new BacktestInputException($"{option} '{text}' is not a date like 2023-01-31 or an ISO time.");
    }
}
