using System.Globalization;
using Trading.Core.Model;

namespace Trading.Core.Strategies;

/// <summary>
/// The base of every strategy, built-in or plugin. The runner calls <see cref="Configure"/> once, then
/// <see cref="OnCandle"/> with closed candles only, in close-time order: the bot's own series and any
/// <see cref="ExtraInputs"/>. A strategy sees nothing else: no clock, no exchange, no store.
/// </summary>
public abstract class StrategyBase
{
    private static readonly Dictionary<string, string> NoValues = [];
    private Dictionary<string, string>? _values;
    private Dictionary<string, double>? _indicatorBuffer;
    private string? _idPrefix;
    private string? _idOwner;
    private Symbol _idSymbol;
    private Timeframe _idTimeframe;

    /// <summary>Registry name: lower snake_case, e.g. "rsi".</summary>
    public abstract string Name { get; }

    /// <summary>Exact rules, precise enough to reproduce a backtest by hand. The first line is the summary.</summary>
    public virtual string Description => "";

    public abstract IReadOnlyList<StrategyParameter> Parameters { get; }

    /// <summary>Closed candles of the bot's own series needed before the strategy can signal.</summary>
    public virtual int WarmUpPeriod => 0;

    /// <summary>
    /// Whether the strategy opens shorts where the market allows them (<see cref="StrategyContext.CanShort"/>: USDⓈ-M futures).
    /// A strategy that does not only ever buys to open and sells what it holds, on every market.
    /// </summary>
    public virtual bool SupportsShorts => false;

    /// <summary>Other series (higher timeframes, other symbols) this strategy reads; empty for most.</summary>
    public virtual IReadOnlyList<StrategyInput> ExtraInputs => [];

    /// <summary>Effective parameter values (defaults overlaid with the configured ones) as canonical invariant text.</summary>
    public IReadOnlyDictionary<string, string> Values => _values ??= Defaults();

    /// <summary>
    /// Validates and applies <paramref name="values"/> (missing names keep their defaults), then resets the state.
    /// Throws <see cref="StrategyConfigurationException"/> on an unknown name or an ill-typed or out-of-range value,
    /// leaving the previous configuration in force.
    /// </summary>
    public void Configure(IReadOnlyDictionary<string, string>? values = null)
    {
        var next = Defaults();
        foreach (var (name, raw) in values ?? NoValues)
        {
            var parameter = Parameters.FirstOrDefault(p => string.Equals(p.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw Invalid($"unknown parameter '{name}'; known: {string.Join(", ", Parameters.Select(p => p.Name))}");
            next[parameter.Name] = parameter.Normalize(Name, raw);
        }
        var previous = _values;
        _values = next;
        try
        {
            OnConfigured();
        }
        catch (StrategyConfigurationException)
        {
            _values = previous;
            if (previous is not null) OnConfigured();
            throw;
        }
        Reset();
    }

    /// <summary>
    /// Closed candle <paramref name="candle"/> arrived. Return a signal or null. Must not allocate when it returns null.
    /// </summary>
    public abstract Signal? OnCandle(in Candle candle, StrategyContext context);

    /// <summary>Forgets all candle-derived state (indicators, armed levels); parameters stay.</summary>
    public virtual void Reset()
    {
    }

    /// <summary>Current indicator values by name, for charts and signal tracking. Not called on the hot path.</summary>
    public virtual void WriteIndicatorValues(IDictionary<string, double> values)
    {
    }

    /// <summary>Reads the configured parameters into fields and builds indicators; throw via <see cref="Invalid"/> on bad combinations.</summary>
    protected virtual void OnConfigured()
    {
    }

    protected int GetInt(string name) => int.Parse(Value(name), CultureInfo.InvariantCulture);

    protected decimal GetDecimal(string name) => decimal.Parse(Value(name), NumberStyles.Float, CultureInfo.InvariantCulture);

    protected double GetDouble(string name) => double.Parse(Value(name), NumberStyles.Float, CultureInfo.InvariantCulture);

    protected bool GetBool(string name) => Value(name) == "true";

    protected string GetChoice(string name) => Value(name);

    protected StrategyConfigurationException Invalid(string message) => new($"Strategy '{Name}': {message}.");

    /// <summary>
    /// A signal at the candle's close price and close time, with a deterministic id, and the current finite indicator values.
    /// </summary>
    protected Signal CreateSignal(
        in Candle candle, StrategyContext context, OrderSide side, decimal quantity, int confidence, string reason,
        decimal? stopLoss = null, decimal? takeProfit = null) =>
        CreateSignal(candle, context, side, quantity, confidence, reason, null, stopLoss, takeProfit);

    /// <summary>As the public overload, with the reason formatted only when <see cref="Signal.Reason"/> is read.</summary>
    private protected Signal CreateSignal(
        in Candle candle, StrategyContext context, OrderSide side, decimal quantity, int confidence, DeferredSignalReason reason) =>
        CreateSignal(candle, context, side, quantity, confidence, "", reason, null, null);

    private Signal CreateSignal(
        in Candle candle, StrategyContext context, OrderSide side, decimal quantity, int confidence,
        string reason, DeferredSignalReason? deferredReason, decimal? stopLoss, decimal? takeProfit)
    {
        var indicators = SnapshotIndicators();
        return new Signal(IdPrefix(context.BotId ?? Name, candle.Symbol, candle.Timeframe), candle.OpenTimeMs, Name, candle.Symbol, side,
            candle.Close, DateTimeOffset.FromUnixTimeMilliseconds(candle.CloseTimeMs))
        {
            Quantity = quantity,
            Confidence = Math.Clamp(confidence, 0, 100),
            Reason = reason,
            DeferredReason = deferredReason,
            StopLoss = stopLoss,
            TakeProfit = takeProfit,
            BotId = context.BotId,
            Indicators = indicators,
        };
    }

    /// <summary>The finite values <see cref="WriteIndicatorValues"/> writes now; a strategy may give them more cheaply.</summary>
    private protected virtual IndicatorSnapshot SnapshotIndicators()
    {
        var buffer = _indicatorBuffer ??= new Dictionary<string, double>(StringComparer.Ordinal);
        buffer.Clear();
        WriteIndicatorValues(buffer);
        return IndicatorSnapshot.FiniteOf(buffer);
    }

    /// <summary>The signal id prefix of the last series this strategy signalled on, kept while owner and series stay the same.</summary>
    private string IdPrefix(string owner, Symbol symbol, Timeframe timeframe)
    {
        if (_idPrefix is not null && ReferenceEquals(owner, _idOwner) && ReferenceEquals(symbol.Name, _idSymbol.Name) && timeframe == _idTimeframe)
            return _idPrefix;
        _idOwner = owner;
        _idSymbol = symbol;
        _idTimeframe = timeframe;
        return _idPrefix = SignalIds.Prefix(owner, symbol, timeframe);
    }

    private string Value(string name) =>
        Values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"Strategy '{Name}' has no parameter '{name}'.", nameof(name));

    private Dictionary<string, string> Defaults() =>
        Parameters.ToDictionary(p => p.Name, p => p.Default, StringComparer.OrdinalIgnoreCase);
}
