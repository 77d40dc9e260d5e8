
namespace Trading.Core.Data;

/// <summary>
/// Parses data.binance.vision trade files (UTF-8, optional header) into <see cref="TradeTick"/>s. Column order is told
/// by the field count: aggTrades have 8 (id, price, qty, first_id, last_id, time, is_buyer_maker, is_best_match), trades
/// have 7 (id, price, qty, quote_qty, time, is_buyer_maker, is_best_match). Times may be ms or µs. Bad rows are skipped
/// and listed in <see cref="Problems"/>.
/// </summary>
public sealed class TradeCsvParser(string source)
{
    private readonly List<RowProblem> _problems = [];

    public IReadOnlyList<RowProblem> Problems => _problems;

    public void Parse(Stream utf8Csv, ICollection<TradeTick> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Utf8LineReader.ForEachLine(utf8Csv, (line, number) =>
        {
            if (Utf8Fields.Trim(line).IsEmpty || number == 1 && KlineColumns.IsHeader(line)) return;
            var problem = TryParse(line, out var tick);
            if (problem is null) output.Add(tick);
            else Report(number, problem);
        }, number => Report(number, $"line longer than {Utf8LineReader.DefaultMaxLineBytes:N0} bytes: not a trade row"));
    }

    private void Report(long lineNumber, string problem)
    {
        if (_problems.Count < KlineCsvParser.MaxProblemsKept) _problems.Add(new RowProblem(source, lineNumber, problem));
    }

    private static string? TryParse(ReadOnlySpan<byte> line, out TradeTick tick)
    {
        tick = default;
        Span<long> ids = stackalloc long[2];
        decimal price = 0, quantity = 0;
        long time = 0;
        var fieldCount = line.Count((byte)',') + 1;
        if (fieldCount is not (7 or 8)) return $"expected 7 (trades) or 8 (aggTrades) fields, found {fieldCount}";
        var aggregated = fieldCount == 8;
        var rest = line;
        for (var index = 0; Utf8Fields.Next(ref rest, out var field); index++)
        {
            var ok = index switch
            {
                1 => Utf8Fields.TryDecimal(field, out price),
                2 => Utf8Fields.TryDecimal(field, out quantity),
                3 when aggregated => Utf8Fields.TryLong(field, out ids[0]),
                4 when aggregated => Utf8Fields.TryLong(field, out ids[1]),
                4 => Utf8Timestamp.TryParse(field, out time),
                5 when aggregated => Utf8Timestamp.TryParse(field, out time),
                _ => true,
            };
            if (!ok) return $"unreadable value in column {index + 1}";
        }
        if (price <= 0) return "price must be positive";
        if (quantity < 0) return "quantity must not be negative";
        var count = aggregated ? ids[1] - ids[0] + 1 : 1;
        if (count is < 1 or > int.MaxValue) return "last trade id is before first trade id";
        tick = new TradeTick(price, quantity, time, (int)count);
        return null;
    }
}
