using System.Runtime.InteropServices;

namespace Trading.Core.Model;

/// <summary>
/// One OHLCV bar keyed by (symbol, timeframe, open time). Times are Unix milliseconds UTC.
/// A struct so that hot loops over millions of candles allocate nothing; use <see cref="Create"/>
/// or <see cref="Validate"/> wherever data enters the system.
/// It holds no object reference (the symbol is an interned id), so arrays of candles are never scanned by the GC, and
/// its fields are laid out automatically (decimals first, the symbol id, timeframe and flags packed last): 128 bytes.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public readonly record struct Candle(
    Symbol Symbol,
    Timeframe Timeframe,
    long OpenTimeMs,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume)
{
    /// <summary>Last millisecond of the bucket; Binance's close_time.</summary>
    public long CloseTimeMs { get; init; } = OpenTimeMs + Timeframe.DurationMs - 1;

    // The symbol and timeframe are stored as their id and index (an int and a byte), which pack with the flags below.
    private readonly int _symbolId = Symbol.Id;
    private readonly byte _timeframe = Timeframe.Index;

    public Symbol Symbol
    {
        get => Symbol.FromId(_symbolId);
        init => _symbolId = value.Id;
    }

    public Timeframe Timeframe
    {
        get => Timeframe.FromIndex(_timeframe);
        init => _timeframe = value.Index;
    }

    private const byte HasQuoteVolume = 1;
    private const byte HasTradeCount = 2;

    // The optional fields are stored unwrapped with presence bits: Nullable<decimal> and Nullable<long> would add 16
    // bytes of padding to every candle of a multi-million array.
    private readonly byte _present;
    private readonly decimal _quoteVolume;
    private readonly long _tradeCount;

    public decimal? QuoteVolume
    {
        get => (_present & HasQuoteVolume) != 0 ? _quoteVolume : null;
        init
        {
            _quoteVolume = value.GetValueOrDefault();
            _present = value.HasValue ? (byte)(_present | HasQuoteVolume) : (byte)(_present & ~HasQuoteVolume);
        }
    }

    public long? TradeCount
    {
        get => (_present & HasTradeCount) != 0 ? _tradeCount : null;
        init
        {
            _tradeCount = value.GetValueOrDefault();
            _present = value.HasValue ? (byte)(_present | HasTradeCount) : (byte)(_present & ~HasTradeCount);
        }
    }

    public DateTimeOffset OpenTime => DateTimeOffset.FromUnixTimeMilliseconds(OpenTimeMs);

    public DateTimeOffset CloseTime => DateTimeOffset.FromUnixTimeMilliseconds(CloseTimeMs);

    public static Candle Create(Symbol symbol, Timeframe timeframe, long openTimeMs, decimal open, decimal high, decimal low, decimal close, decimal volume)
    {
        var candle = new Candle(symbol, timeframe, openTimeMs, open, high, low, close, volume);
        candle.Validate();
        return candle;
    }

    /// <summary>Throws <see cref="InvalidCandleException"/> when the bar cannot be real market data.</summary>
    public void Validate()
    {
        var problem = FindProblem();
        if (problem is not null)
            throw new InvalidCandleException($"Invalid candle {Symbol} {Timeframe} at {OpenTime:yyyy-MM-dd HH:mm}: {problem}.");
    }

    /// <summary>The last millisecond a calendar date can show (9999-12-31 23:59:59.999).</summary>
    public static readonly long LatestOpenTimeMs = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>The first reason this bar is corrupt, or null when it is valid.</summary>
    public string? FindProblem()
    {
        if (Symbol.Name is null) return "missing symbol";
        if (OpenTimeMs < 0 || OpenTimeMs > LatestOpenTimeMs) return $"open time {OpenTimeMs} is out of range";
        if (Open <= 0 || High <= 0 || Low <= 0 || Close <= 0) return "prices must be positive";
        if (High < Low) return $"high {High} is below low {Low}";
        if (High < Math.Max(Open, Close)) return $"high {High} is below max(open, close) {Math.Max(Open, Close)}";
        if (Low > Math.Min(Open, Close)) return $"low {Low} is above min(open, close) {Math.Min(Open, Close)}";
        if (Volume < 0) return $"volume {Volume} is negative";
        if (QuoteVolume < 0) return $"quote volume {QuoteVolume} is negative";
        if (TradeCount < 0) return $"trade count {TradeCount} is negative";
        if (!Timeframe.IsAligned(OpenTimeMs)) return $"open time is not aligned to {Timeframe}";
        if (CloseTimeMs < OpenTimeMs) return "close time is before open time";
        return null;
    }
}
