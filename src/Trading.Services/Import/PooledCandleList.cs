using System.Collections.Concurrent;
using Trading.Core.Model;

namespace Trading.Services.Import;

/// <summary>
/// A file's parsed candles. A day of 1m candles (1,440 × 128 bytes) lands on the large object heap, so an import
/// that allocated one list per file would force a full collection every few files; the import's writer hands each
/// list back with <see cref="Return"/> once its rows are in the store, and the reader reuses it.
/// </summary>
internal sealed class PooledCandleList : List<Candle>
{
    private const int InitialCapacity = 1500;
    private const int MaxPooled = 256;
    private static readonly ConcurrentBag<PooledCandleList> Pool = [];

    private PooledCandleList() : base(InitialCapacity)
    {
    }

    public static PooledCandleList Rent() => Pool.TryTake(out var list) ? list : new PooledCandleList();

    /// <summary>Only for a list nothing else refers to any more.</summary>
    public static void Return(PooledCandleList list)
    {
        if (Pool.Count >= MaxPooled) return;
        list.Clear();
        Pool.Add(list);
    }
}
