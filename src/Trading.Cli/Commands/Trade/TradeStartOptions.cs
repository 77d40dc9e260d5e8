using System.CommandLine;
using Trading.Cli.Commands.Backtest;
using Trading.Cli.Commands.Order;
using Trading.Core.Storage;
using Trading.Services.Backtesting;
using Trading.Services.Configuration;

namespace Trading.Cli.Commands.Trade;

/// <summary>
/// The options of <c>trading trade start</c> and how they become one bot: a configured one (<c>--bot</c>, from
/// config/bots/*.json) or one defined on the command line (<c>--strategy --symbol --timeframe --param</c>), and the
/// setting overrides that <c>--mode</c> stands for.
/// </summary>
internal sealed class TradeStartOptions
{
    public static readonly string[] Modes = ["dry-run", "paper", "testnet", "live"];

    public Option<string?> Bot { get; } = new("--bot") { Description = "A configured bot (config/bots/NAME.json)" };
    public Option<string?> Strategy { get; } = new("--strategy") { Description = "Strategy of an ad hoc bot, e.g. rsi" };
    public Option<string?> Symbol { get; } = new("--symbol") { Description = "Symbol(s) of an ad hoc bot, e.g. BTCUSDT or BTCUSDT,ETHUSDT" };
    public Option<string> Timeframe { get; } = new("--timeframe") { Description = "Timeframe of an ad hoc bot", DefaultValueFactory = _ => "1m" };
    public Option<string[]> Params { get; } = new("--param") { Description = "Strategy parameter name=value of an ad hoc bot (repeatable)" };
    public Option<string?> Name { get; } = new("--name") { Description = "Id of an ad hoc bot (default: STRATEGY-SYMBOL-TIMEFRAME)" };
    public Option<string?> Mode { get; } = new("--mode") { Description = "dry-run, paper, testnet or live (default: from DRY_RUN and TRADING_MODE)" };

    /// <summary>--market usdm and its futures options.</summary>
    public TradeFuturesOptions Futures { get; } = new();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Bot, Strategy, Symbol, Timeframe, Params, Name, Mode, ExecutorSession.ConfirmLive })
            command.Options.Add(option);
        Futures.AddTo(command);
    }

    /// <summary>The settings overrides for --mode, or a problem. Live also needs TRADING_MODE=live in the configuration itself.</summary>
    public string? TryModeOverrides(ParseResult parse, TradingSettings configured, out Dictionary<string, string?> overrides)
    {
        overrides = [];
        var mode = parse.GetValue(Mode);
        if (mode is null) return null;
        if (!Modes.Contains(mode)) return $"unknown --mode '{mode}': expected one of {string.Join(", ", Modes)}";
        if (mode == "live" && configured.TradingMode != TradingMode.Live)
            return "--mode live needs TRADING_MODE=live in the configuration as well, and --confirm-live";
        overrides[SettingKeys.DryRun] = mode == "dry-run" ? "true" : "false";
        if (mode != "dry-run") overrides[SettingKeys.TradingMode] = mode;
        return null;
    }

    /// <summary>
    /// The <c>trading trade start</c> arguments that run <paramref name="bot"/> (an ad hoc definition) in <paramref name="mode"/>:
    /// what the supervisor relaunches when the process that hosted the bot, such as the API's, is gone.
    /// </summary>
    public static IReadOnlyList<string> ArgumentsFor(BotDefinition bot, string mode)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var arguments = new List<string>
        {
            "trade", "start", "--strategy", bot.Strategy, "--symbol", string.Join(",", bot.Symbols), "--timeframe", bot.Timeframe,
            "--name", bot.Id, "--mode", mode,
        };
        foreach (var (name, value) in bot.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            arguments.Add("--param");
            arguments.Add($"{name}={value}");
        }
        if (mode == "live") arguments.Add(ExecutorSession.ConfirmLive.Name);
        return arguments;
    }

    /// <summary>The bot to run, or a one-line problem.</summary>
    public string? TryResolveBot(ParseResult parse, TradingSettings settings, out BotDefinition bot)
    {
        bot = null!;
        var name = parse.GetValue(Bot);
        var strategy = parse.GetValue(Strategy);
        if (name is not null && strategy is not null) return "give either --bot or --strategy, not both";
        if (name is not null)
        {
            var adHoc = new Option[] { Symbol, Timeframe, Params, Name }.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false });
            return adHoc is not null ? $"{adHoc.Name} defines an ad hoc bot: use it with --strategy, not with --bot" : FindConfigured(settings, name, out bot);
        }
        if (strategy is null) return "give --bot NAME (config/bots/NAME.json) or --strategy NAME --symbol SYMBOL";
        return TryAdHoc(parse, strategy, out bot);
    }

    private static string? FindConfigured(TradingSettings settings, string name, out BotDefinition bot)
    {
        bot = null!;
        if (BotNames.Problem(name) is { } invalid) return invalid;
        bot = settings.Bots.FirstOrDefault(b => b.Id == name)!;
        if (bot is null)
        {
            var known = settings.Bots.Count == 0 ? "none" : string.Join(", ", settings.Bots.Select(b => b.Id));
            return $"unknown bot '{name}': configured bots ({settings.ConfigDir}/bots/*.json): {known}";
        }
        return bot.Enabled ? null : $"bot '{name}' is disabled (\"enabled\": false in its file)";
    }

    private string? TryAdHoc(ParseResult parse, string strategy, out BotDefinition bot)
    {
        bot = null!;
        var symbolText = parse.GetValue(Symbol);
        if (string.IsNullOrWhiteSpace(symbolText)) return "--strategy needs --symbol, e.g. --symbol BTCUSDT";
        var symbols = symbolText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (symbols.FirstOrDefault(s => !Core.Model.Symbol.TryParse(s, out _)) is { } bad)
            return $"invalid symbol '{bad}': expected letters and digits such as BTCUSDT";
        var timeframe = parse.GetValue(Timeframe)!;
        if (!Core.Model.Timeframe.TryParse(timeframe, out _)) return $"unknown timeframe '{timeframe}'";
        Dictionary<string, string> parameters;
        try
        {
            parameters = BacktestOptions.ParseParameters(parse.GetValue(Params));
        }
        catch (BacktestInputException e)
        {
            return e.Message;
        }
        var names = symbols.Select(s => Core.Model.Symbol.Parse(s).Name).ToList();
        var id = parse.GetValue(Name) ?? $"{strategy}-{string.Join("-", names)}-{timeframe}".ToLowerInvariant();
        if (BotNames.Problem(id) is { } invalid) return parse.GetValue(Name) is null ? $"{invalid}; give one with --name" : invalid;
        bot = new BotDefinition
        {
            Id = id,
            Strategy = strategy,
            Symbols = names,
            Timeframe = timeframe,
            Parameters = parameters,
        };
        return null;
    }
}
