using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Trading.Cli.Commands.Service;
using Trading.Core.Execution;
using Trading.Core.Storage;
using Trading.Core.Strategies;
using Trading.Services.Bots;
using Trading.Services.Configuration;
using Trading.Services.Execution;
using Trading.Services.Execution.Futures;
using Trading.Services.Strategies;

namespace Trading.Cli.Commands.Trade;

/// <summary>
/// The host one bot runs in (`trading trade start`, or a bot started through the API): the collector for its series, the
/// strategy engine limited to it, the executor with the risk gate and the portfolio manager, and its runtime recorder.
/// </summary>
internal sealed record BotHost(IHost Host, BotRuntimeService Recorder, string Mode)
{
    public static BotHost Build(ITradingStore store, TradingSettings settings, BotDefinition bot, StrategyRegistry registry, StrategyBase strategy,
        ExecutionMode mode, IExecutionVenue? venue, IReadOnlyList<string>? arguments = null)
    {
        // The arguments let the supervisor start the bot again as its own process.
        var runtime = new BotRuntimeOptions { Bot = bot, Mode = ExecutionModes.Name(mode), Arguments = arguments ?? [] };
        var host = PlatformHost.Build(store, ForBot(settings, bot, strategy), mode, venue, PlatformHost.All, services =>
        {
            services.AddSingleton<StrategyRegistry>(registry);
            services.AddSingleton(new StrategyEngineScope(new HashSet<string>(StringComparer.Ordinal) { bot.Id }));
            services.AddSingleton(runtime);
            services.AddSingleton<BotRuntimeService>();
            services.AddHostedService(sp => sp.GetRequiredService<BotRuntimeService>());
        });
        return new BotHost(host, host.Services.GetRequiredService<BotRuntimeService>(), runtime.Mode);
    }

    /// <summary>
    /// The host of a USDⓈ-M bot: the collector and the strategy engine as for spot (its strategies may short), and in place of
    /// the spot executor and portfolio manager the <see cref="FuturesExecutorService"/>, driven by the engine candle by candle.
    /// </summary>
    public static BotHost BuildFutures(ITradingStore store, TradingSettings settings, BotDefinition bot, StrategyRegistry registry, StrategyBase strategy,
        ExecutionMode mode, FuturesBotSettings futures, Binance.Futures.BinanceFuturesClient? client, IReadOnlyList<string>? arguments = null)
    {
        var runtime = new BotRuntimeOptions { Bot = bot, Mode = ExecutionModes.Name(mode), Arguments = arguments ?? [] };
        var host = PlatformHost.Build(store, ForBot(settings, bot, strategy), mode, null, [PlatformHost.Collector, PlatformHost.Engine], services =>
        {
            services.AddSingleton<StrategyRegistry>(registry);
            services.AddSingleton(new StrategyEngineScope(new HashSet<string>(StringComparer.Ordinal) { bot.Id }) { Market = Core.Model.MarketType.Usdm });
            services.AddSingleton(runtime);
            services.AddSingleton<BotRuntimeService>();
            services.AddHostedService(sp => sp.GetRequiredService<BotRuntimeService>());
            services.AddInlineExecution();
            services.AddSingleton(futures);
            if (client is not null) services.AddSingleton(client);
            services.AddSingleton<FuturesExecutorService>();
            services.AddHostedService(sp => sp.GetRequiredService<FuturesExecutorService>());
        });
        return new BotHost(host, host.Services.GetRequiredService<BotRuntimeService>(), runtime.Mode);
    }

    /// <summary>The settings the bot's host runs with: only its own series to collect and trade, and its own sizing.</summary>
    private static TradingSettings ForBot(TradingSettings settings, BotDefinition bot, StrategyBase strategy)
    {
        var primary = bot.Symbols.Select(Core.Model.Symbol.Parse).ToList();
        var timeframe = Core.Model.Timeframe.Parse(bot.Timeframe);
        var series = primary.Select(s => (Symbol: s, Timeframe: timeframe))
            .Concat(primary.SelectMany(s => strategy.ExtraInputs.Select(input => (Symbol: input.Resolve(s), input.Timeframe))))
            .Distinct();
        // Keeps config/symbols.yaml's min_trade_size for the bot's symbols.
        var symbols = series.GroupBy(s => s.Symbol)
            .Select(g => new SymbolConfig(g.Key.Name, g.Select(s => s.Timeframe.ToString()).ToList(),
                MinTradeSize: settings.Symbols.FirstOrDefault(c => c.Symbol == g.Key.Name)?.MinTradeSize ?? 0m))
            .ToList();
        return settings with { Symbols = symbols, Bots = [bot] };
    }
}
