using System.CommandLine;
using System.Globalization;
using Trading.Core.Futures;
using Trading.Core.Storage;
using Trading.Services.Backtesting;
using Trading.Services.Configuration;
using Trading.Services.Execution;
using Trading.Services.Execution.Futures;

namespace Trading.Cli.Commands.Trade;

/// <summary>
/// <c>trade start --market usdm [--leverage N] [--funding-rate R | --funding-file F]</c>: a USDⓈ-M bot, one symbol, one-way mode,
/// isolated margin. Paper books funding from a fundingRate file or a stated constant, as the futures backtest does (the same
/// rules and messages); testnet and live take brackets and funding from the exchange.
/// </summary>
internal sealed class TradeFuturesOptions
{
    public Option<string> Market { get; } = new("--market") { Description = "spot (default) or usdm (USDⓈ-M perpetual futures: one-way, isolated, shorts)", DefaultValueFactory = _ => "spot" };
    public Option<int?> Leverage { get; } = new("--leverage") { Description = "usdm: leverage of the bot's positions (default 1; at most the bracket maximum and RISK_FUTURES_MAX_LEVERAGE)" };
    public Option<decimal?> FundingRate { get; } = new("--funding-rate") { Description = "usdm paper: a stated constant funding rate per 8 h, e.g. 0.0001" };
    public Option<string[]> FundingFiles { get; } = new("--funding-file") { Description = "usdm paper: data.binance.vision futures/um fundingRate file (.zip or .csv, repeatable)" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Market, Leverage, FundingRate, FundingFiles }) command.Options.Add(option);
    }

    /// <summary>Null and no problem for a spot bot; the futures settings of a usdm bot (brackets filled in later on an exchange); or a problem.</summary>
    public string? TryResolve(ParseResult parse, TradingSettings settings, BotDefinition bot, ExecutionMode mode, out FuturesBotSettings? futures)
    {
        futures = null;
        var market = (parse.GetValue(Market) ?? "spot").Trim().ToLowerInvariant();
        var files = parse.GetValue(FundingFiles) ?? [];
        if (market == "spot")
        {
            return parse.GetValue(Leverage) is not null || parse.GetValue(FundingRate) is not null || files.Length > 0
                ? "--leverage, --funding-rate and --funding-file need --market usdm"
                : null;
        }
        if (market != "usdm") return $"--market '{market}' is unknown: use spot or usdm";
        if (bot.Symbols.Count != 1) return $"a usdm bot trades one symbol, got {string.Join(",", bot.Symbols)}";
        var symbol = Core.Model.Symbol.Parse(bot.Symbols[0]);
        var leverage = parse.GetValue(Leverage) ?? 1;
        var limits = ExecutionServiceCollectionExtensions.FuturesRiskLimitsFrom(settings);
        var exchange = mode is ExecutionMode.Testnet or ExecutionMode.Live;
        if (exchange)
        {
            if (parse.GetValue(FundingRate) is not null || files.Length > 0)
                return $"--funding-rate and --funding-file are for paper bots: on {ExecutionModes.Name(mode)} the exchange settles funding";
            if (leverage < 1 || leverage > limits.MaxLeverage)
                return string.Create(CultureInfo.InvariantCulture, $"--leverage {leverage} is outside 1..{limits.MaxLeverage} (RISK_FUTURES_MAX_LEVERAGE)");
            // The brackets are the exchange's, read at start (FuturesBotSetup); the shipped table stands until then.
            futures = new FuturesBotSettings
            {
                Symbol = symbol, Leverage = leverage, Brackets = KnownLeverageBrackets.BtcUsdt, Funding = FundingRates.Constant(0m), RiskLimits = limits,
            };
            return null;
        }
        try
        {
            var resolved = new FuturesRequest { Leverage = leverage, FundingRate = parse.GetValue(FundingRate), FundingFiles = files, RiskLimits = limits }.Resolve(symbol);
            futures = new FuturesBotSettings { Symbol = symbol, Leverage = leverage, Brackets = resolved.Brackets, Funding = resolved.Funding, RiskLimits = limits };
            return null;
        }
        catch (BacktestInputException e)
        {
            return e.Message.TrimEnd('.');
        }
    }
}
