using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Core.Strategies;

namespace Trading.Services.Strategies;

/// <summary>
/// One bot's strategy on one of its symbols: the strategy object, its reused context, the last candle it saw per series
/// (so a redelivered or stale candle is ignored) and the signals not yet stored and published.
/// </summary>
internal sealed class BotStrategyInstance(BotDefinition bot, Symbol symbol, Timeframe timeframe, StrategyBase strategy, MarketType market = MarketType.Spot)
{
    private readonly Dictionary<(Symbol, Timeframe), long> _lastOpenTimes = [];

    public BotDefinition Bot { get; } = bot;

    public Symbol Symbol { get; } = symbol;

    public Timeframe Timeframe { get; } = timeframe;

    public StrategyBase Strategy { get; } = strategy;

    public StrategyContext Context { get; } = new(symbol, timeframe, bot.Id, strategy.ExtraInputs) { Market = market };

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public List<Signal> Pending { get; } = [];

    /// <summary>Every series this instance consumes: its own first, then the declared extra inputs.</summary>
    public IEnumerable<(Symbol Symbol, Timeframe Timeframe)> Series => Context.ExtraSeries.Prepend((Symbol, Timeframe)).Distinct();

    public bool Wants(in Candle candle)
    {
        var key = (candle.Symbol, candle.Timeframe);
        return Series.Contains(key);
    }

    /// <summary>Feeds one closed candle unless it is not newer than the last one of its series. Strategy exceptions propagate.</summary>
    public Signal? Feed(in Candle candle)
    {
        var key = (candle.Symbol, candle.Timeframe);
        if (_lastOpenTimes.TryGetValue(key, out var last) && candle.OpenTimeMs <= last) return null;
        _lastOpenTimes[key] = candle.OpenTimeMs;
        Context.Observe(candle);
        var signal = Strategy.OnCandle(candle, Context);
        signal?.Validate();
        return signal;
    }
}
