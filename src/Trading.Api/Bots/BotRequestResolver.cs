using Trading.Api.Contracts;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Core.Strategies;
using Trading.Services.Configuration;

namespace Trading.Api.Bots;

/// <summary>
/// Turns a POST /bots body into one bot, with the checks of `trading trade start`: a configured bot by name, or an ad hoc
/// one whose strategy, parameters, symbols, timeframe and id are valid. Returns a one-line problem otherwise.
/// </summary>
public static class BotRequestResolver
{
    public static string? TryResolve(StartBotRequest request, TradingSettings settings, StrategyRegistry registry, out BotDefinition bot)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(registry);
        bot = null!;
        if (request.Bot is not null && request.Strategy is not null) return "give either bot or strategy, not both";
        var problem = request.Bot is not null ? Configured(request.Bot, settings, out bot) : AdHoc(request, out bot);
        if (problem is not null) return problem;
        if (bot.Symbols.FirstOrDefault(s => settings.Symbols.Any(c => c.Symbol == s && !c.Enabled)) is { } disabled)
            return $"symbol {disabled} is disabled in symbols.yaml (enabled: false)";
        try
        {
            registry.Create(bot.Strategy, bot.Parameters);
            return null;
        }
        catch (StrategyConfigurationException e)
        {
            return e.Message;
        }
    }

    private static string? Configured(string name, TradingSettings settings, out BotDefinition bot)
    {
        bot = null!;
        if (BotNames.Problem(name) is { } invalid) return invalid;
        bot = settings.Bots.FirstOrDefault(b => b.Id == name)!;
        if (bot is null) return $"unknown bot '{name}': configured bots: {(settings.Bots.Count == 0 ? "none" : string.Join(", ", settings.Bots.Select(b => b.Id)))}";
        return bot.Enabled ? null : $"bot '{name}' is disabled (\"enabled\": false in its file)";
    }

    private static string? AdHoc(StartBotRequest request, out BotDefinition bot)
    {
        bot = null!;
        if (string.IsNullOrWhiteSpace(request.Strategy)) return "give bot (a configured bot's name) or strategy with symbols";
        if (request.Symbols is not { Count: > 0 } symbols) return "strategy needs symbols, e.g. [\"BTCUSDT\"]";
        if (symbols.FirstOrDefault(s => !Symbol.TryParse(s, out _)) is { } bad) return $"invalid symbol '{Shown(bad)}': expected letters and digits such as BTCUSDT";
        var timeframe = request.Timeframe ?? "1m";
        if (!Timeframe.TryParse(timeframe, out _)) return $"unknown timeframe '{Shown(timeframe)}'";
        var names = symbols.Select(s => Symbol.Parse(s).Name).ToList();
        var id = request.Id ?? $"{request.Strategy}-{string.Join("-", names)}-{timeframe}".ToLowerInvariant();
        if (BotNames.Problem(id) is { } invalid) return invalid;
        bot = new BotDefinition
        {
            Id = id,
            Strategy = request.Strategy,
            Symbols = names,
            Timeframe = timeframe,
            Parameters = request.Parameters ?? new Dictionary<string, string>(),
        };
        return null;
    }

    private static string Shown(string? text) => new((text ?? "").Take(32).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
