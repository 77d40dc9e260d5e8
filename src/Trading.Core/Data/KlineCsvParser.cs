using Trading.Core.Model;

namespace Trading.Core.Data;

/// <summary>
/// Parses kline CSV text (UTF-8) into validated candles of one symbol and timeframe: data.binance.vision rows
/// (no header, times in ms or µs) or OHLCV CSVs with a header. Corrupt, duplicated or out-of-order rows are
/// skipped and recorded in <see cref="Problems"/> with their line; nothing invalid reaches the output.
/// When a time repeats, the row kept is the one that continues the series: if the earlier row jumped away from
/// the previous close (over 20%) and the repeat opens within 2% of it, the repeat replaces it and the earlier
/// row is the one reported.
/// </summary>
public sealed class KlineCsvParser
{
    /// <summary>At most this many problems are kept per file; <see cref="SkippedRows"/> counts them all.</summary>
    public const int MaxProblemsKept = 1000;

    private readonly List<RowProblem> _problems = [];
    private readonly string _source;
    private readonly Symbol _symbol;
    private readonly Timeframe _timeframe;
    private readonly long _latestAllowedOpenMs;
    private KlineColumns? _columns;
    private KlineField[] _fields = [];
    private long _lastOpenMs = long.MinValue;
    private long _lastLine;
    private decimal _lastOpen;
    private decimal _lastClose;
    private decimal _closeBeforeLast;

    /// <param name="latestAllowedOpenMs">Rows opening after this time (e.g. now) are rejected as future-dated.</param>
    public KlineCsvParser(string source, Symbol symbol, Timeframe timeframe, long latestAllowedOpenMs = long.MaxValue)
    {
        _source = source;
        _symbol = symbol;
        _timeframe = timeframe;
        _latestAllowedOpenMs = latestAllowedOpenMs;
    }

    public IReadOnlyList<RowProblem> Problems => _problems;

    public long SkippedRows { get; private set; }

    /// <summary>A longer line is a row error, never a buffer of the whole file.</summary>
    public int MaxLineBytes { get; init; } = Utf8LineReader.DefaultMaxLineBytes;

    /// <summary>Parses the whole stream, appending valid candles in file order.</summary>
    public void Parse(Stream utf8Csv, IList<Candle> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Utf8LineReader.ForEachLine(utf8Csv, (line, number) => ParseLine(line, number, output),
            number => Skip(number, $"line longer than {MaxLineBytes:N0} bytes: not a kline row"), MaxLineBytes);
    }

    /// <summary>Parses one line; the first non-empty line may be a header.</summary>
    public void ParseLine(ReadOnlySpan<byte> line, long lineNumber, IList<Candle> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Utf8Fields.Trim(line).IsEmpty) return;
        if (_columns is null)
        {
            if (KlineColumns.IsHeader(line))
            {
                _columns = KlineColumns.FromHeader(line)
                    ?? throw new InvalidDataException($"{_source}:{lineNumber}: unrecognized header; expected timestamp,open,high,low,close,volume or Binance kline columns.");
                _fields = _columns.FieldsByIndex();
                return;
            }
            _columns = KlineColumns.Binance;
            _fields = _columns.FieldsByIndex();
        }
        var problem = TryParseRow(line, _columns, out var candle);
        if (problem is null && candle.OpenTimeMs == _lastOpenMs && output.Count > 0 && RepairsLastRow(candle))
        {
            Skip(_lastLine, $"open {_lastOpen} breaks away from the previous close {_closeBeforeLast}; line {lineNumber} repeats its time and continues the series");
            output[^1] = candle;
            Accept(candle, lineNumber);
            return;
        }
        if (problem is null && candle.OpenTimeMs <= _lastOpenMs)
            problem = candle.OpenTimeMs == _lastOpenMs
                ? $"duplicate open time {candle.OpenTime:yyyy-MM-dd HH:mm} (already on line {_lastLine})"
                : $"open time {candle.OpenTime:yyyy-MM-dd HH:mm} is before the previous row's (line {_lastLine})";
        if (problem is null && candle.OpenTimeMs > _latestAllowedOpenMs)
            problem = $"open time {candle.OpenTime:yyyy-MM-dd HH:mm} is in the future";
        if (problem is not null)
        {
            Skip(lineNumber, problem);
            return;
        }
        _closeBeforeLast = _lastClose;
        Accept(candle, lineNumber);
        output.Add(candle);
    }

    private bool RepairsLastRow(in Candle repeat) =>
        _closeBeforeLast > 0 && Jump(_lastOpen) > 0.20m && Jump(repeat.Open) < 0.02m;

    private decimal Jump(decimal open) => Math.Abs(open - _closeBeforeLast) / _closeBeforeLast;

    private void Accept(in Candle candle, long lineNumber)
    {
        _lastOpenMs = candle.OpenTimeMs;
        _lastLine = lineNumber;
        _lastOpen = candle.Open;
        _lastClose = candle.Close;
    }

    private void Skip(long lineNumber, string problem)
    {
        SkippedRows++;
        if (_problems.Count < MaxProblemsKept) _problems.Add(new RowProblem(_source, lineNumber, problem));
    }

    private string? TryParseRow(ReadOnlySpan<byte> line, KlineColumns c, out Candle candle)
    {
        if (ReferenceEquals(c, KlineColumns.Binance) && BinanceKlineRow.TryParse(line, _symbol, _timeframe, out candle, out var found))
            return found;
        candle = default;
        long time = -1, closeTime = -1, trades = -1;
        decimal open = 0, high = 0, low = 0, close = 0, volume = 0, quote = -1;
        var rest = line;
        var index = 0;
        var bad = -1;
        var fields = _fields;
        // Fields after the last one used (Binance's taker volumes and "ignore") are not even split off.
        while (index < fields.Length && Utf8Fields.Next(ref rest, out var field))
        {
            var ok = fields[index] switch
            {
                KlineField.Time => Utf8Timestamp.TryParse(field, out time),
                KlineField.Open => Utf8Fields.TryDecimal(field, out open),
                KlineField.High => Utf8Fields.TryDecimal(field, out high),
                KlineField.Low => Utf8Fields.TryDecimal(field, out low),
                KlineField.Close => Utf8Fields.TryDecimal(field, out close),
                KlineField.Volume => Utf8Fields.TryDecimal(field, out volume),
                KlineField.CloseTime => Utf8Timestamp.TryParse(field, out closeTime),
                KlineField.QuoteVolume => Utf8Fields.TryDecimal(field, out quote),
                KlineField.Trades => Utf8Fields.TryLong(field, out trades),
                _ => true,
            };
            if (!ok && bad < 0) bad = index;
            index++;
        }
        if (index < c.RequiredFieldCount) return $"expected at least {c.RequiredFieldCount} fields, found {index}";
        if (bad >= 0) return bad == c.Time ? "unreadable open time" : $"unreadable value in column {bad + 1}";
        candle = new Candle(_symbol, _timeframe, time, open, high, low, close, volume)
        {
            CloseTimeMs = closeTime >= 0 ? closeTime : time + _timeframe.DurationMs - 1,
            QuoteVolume = quote >= 0 ? quote : null,
            TradeCount = trades >= 0 ? trades : null,
        };
        return candle.FindProblem();
    }
}
