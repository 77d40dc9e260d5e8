using System.Text;

namespace Trading.Core.Data;

/// <summary>Where each kline field sits in a CSV row: Binance's fixed 12-column order, or found by header names.</summary>
public sealed record KlineColumns(int Time, int Open, int High, int Low, int Close, int Volume, int CloseTime, int QuoteVolume, int Trades)
{
    /// <summary>data.binance.vision order: open_time, open, high, low, close, volume, close_time, quote_volume, count, ...</summary>
    public static KlineColumns Binance { get; } = new(0, 1, 2, 3, 4, 5, 6, 7, 8);

    public int RequiredFieldCount { get; } = Math.Max(Math.Max(Time, Open), Math.Max(Math.Max(High, Low), Math.Max(Close, Volume))) + 1;

    /// <summary>What each field index up to the last used one holds.</summary>
    public KlineField[] FieldsByIndex()
    {
        (int Index, KlineField Field)[] used =
        [
            (Time, KlineField.Time), (Open, KlineField.Open), (High, KlineField.High), (Low, KlineField.Low), (Close, KlineField.Close),
            (Volume, KlineField.Volume), (CloseTime, KlineField.CloseTime), (QuoteVolume, KlineField.QuoteVolume), (Trades, KlineField.Trades),
        ];
        var fields = new KlineField[used.Max(u => u.Index) + 1];
        foreach (var (index, field) in used)
            if (index >= 0 && fields[index] == KlineField.None) fields[index] = field;
        return fields;
    }

    /// <summary>True when the line is a header (its first field does not start with a digit).</summary>
    public static bool IsHeader(ReadOnlySpan<byte> line)
    {
        var trimmed = Utf8Fields.Trim(line);
        return !trimmed.IsEmpty && trimmed[0] is not (>= (byte)'0' and <= (byte)'9');
    }

    /// <summary>Maps a header such as `timestamp,open,high,low,close,volume` or a Kaggle/Binance 12-column header.</summary>
    public static KlineColumns? FromHeader(ReadOnlySpan<byte> header)
    {
        var names = Encoding.UTF8.GetString(header).Split(',').Select(Normalize).ToArray();
        int Find(params string[] candidates) => Array.FindIndex(names, n => candidates.Contains(n));
        var columns = new KlineColumns(
            Find("timestamp", "opentime", "time", "date", "datetime", "open_time"),
            Find("open"), Find("high"), Find("low"), Find("close"), Find("volume"),
            Find("closetime"), Find("quoteassetvolume", "quotevolume"), Find("numberoftrades", "trades", "count"));
        // data.binance.vision's futures/um klines name Binance's own columns in a header: they take the fast row path.
        if (columns == Binance) return Binance;
        return columns is { Time: >= 0, Open: >= 0, High: >= 0, Low: >= 0, Close: >= 0, Volume: >= 0 } ? columns : null;
    }

    private static string Normalize(string name) =>
        new(name.Trim().Trim('"').ToLowerInvariant().Where(c => c is not (' ' or '_')).ToArray());
}
