namespace Trading.Core.Model;

/// <summary>
/// A candle interval as Binance names it (1m … 1w). Buckets are keyed by open time and cover
/// [open, open + duration). Intervals up to 1d align to the Unix epoch; 3d aligns to the epoch
/// in 3-day steps as Binance does; 1w aligns to Monday 00:00 UTC.
/// </summary>
public readonly record struct Timeframe
{
    private const long MinuteMs = 60_000;
    private const long DayMs = 86_400_000;
    private const long MondayOffsetMs = 4 * DayMs; // 1970-01-01 was a Thursday.

    private static readonly (string Name, long Ms)[] All =
    [
        ("1m", MinuteMs), ("3m", 3 * MinuteMs), ("5m", 5 * MinuteMs), ("15m", 15 * MinuteMs), ("30m", 30 * MinuteMs),
        ("1h", 60 * MinuteMs), ("2h", 120 * MinuteMs), ("4h", 240 * MinuteMs), ("6h", 360 * MinuteMs),
        ("8h", 480 * MinuteMs), ("12h", 720 * MinuteMs), ("1d", DayMs), ("3d", 3 * DayMs), ("1w", 7 * DayMs),
    ];

    private readonly byte _index; // a byte, so that a Candle packs it with its symbol id and flags

    private Timeframe(int index) => _index = (byte)index;

    /// <summary>The position in <see cref="Values"/>, for compact storage inside <see cref="Candle"/>.</summary>
    internal byte Index => _index;

    internal static Timeframe FromIndex(byte index) => new(index);

    public static Timeframe M1 => new(0);
    public static Timeframe M3 => new(1);
    public static Timeframe M5 => new(2);
    public static Timeframe M15 => new(3);
    public static Timeframe M30 => new(4);
    public static Timeframe H1 => new(5);
    public static Timeframe H2 => new(6);
    public static Timeframe H4 => new(7);
    public static Timeframe H6 => new(8);
    public static Timeframe H8 => new(9);
    public static Timeframe H12 => new(10);
    public static Timeframe D1 => new(11);
    public static Timeframe D3 => new(12);
    public static Timeframe W1 => new(13);

    public static IReadOnlyList<Timeframe> Values { get; } = Enumerable.Range(0, All.Length).Select(i => new Timeframe(i)).ToArray();

    public string Name => All[Index].Name;

    public long DurationMs => All[Index].Ms;

    public TimeSpan Duration => TimeSpan.FromMilliseconds(DurationMs);

    public static Timeframe Parse(string text) =>
        TryParse(text, out var timeframe)
            ? timeframe
            : throw new FormatException($"Unknown timeframe '{text}'. Expected one of: {string.Join(' ', All.Select(a => a.Name))}.");

    public static bool TryParse(string? text, out Timeframe timeframe)
    {
        for (var i = 0; i < All.Length; i++)
        {
            if (string.Equals(All[i].Name, text?.Trim(), StringComparison.Ordinal))
            {
                timeframe = new Timeframe(i);
                return true;
            }
        }
        timeframe = default;
        return false;
    }

    /// <summary>The open time (Unix ms) of the bucket that contains <paramref name="timeMs"/>.</summary>
    public long AlignDown(long timeMs)
    {
        var offset = Index == 13 ? MondayOffsetMs : 0;
        var shifted = timeMs - offset;
        var remainder = ((shifted % DurationMs) + DurationMs) % DurationMs;
        return timeMs - remainder;
    }

    public DateTimeOffset AlignDown(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeMilliseconds(AlignDown(time.ToUnixTimeMilliseconds()));

    /// <summary>True when <paramref name="timeMs"/> opens a bucket; one division for the usual case (runs for every stored candle).</summary>
    public bool IsAligned(long timeMs) => timeMs >= 0 && Index != 13 ? timeMs % DurationMs == 0 : AlignDown(timeMs) == timeMs;

    public override string ToString() => Name;
}
