using System.Collections;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Services.Import;

/// <summary>
/// One store transaction's worth of an import: the parsed files available now and those still arriving, whole files
/// up to <c>batchSize</c> rows. Each file's list goes back to the pool once the store has moved on to the next one.
/// </summary>
internal sealed class ImportBatch(ChannelReader<IReadOnlyList<Candle>> files, int batchSize, CancellationToken ct) : ICandleBlocks
{
    private IReadOnlyList<Candle>? current;
    private int rows;

    public bool TryReadBlock(out ReadOnlySpan<Candle> block)
    {
        if (!TryNextFile(out var candles))
        {
            block = default;
            return false;
        }
        block = candles is List<Candle> list ? CollectionsMarshal.AsSpan(list) : candles.ToArray();
        return true;
    }

    public IEnumerator<Candle> GetEnumerator()
    {
        while (TryNextFile(out var candles))
            for (var i = 0; i < candles.Count; i++) yield return candles[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private bool TryNextFile(out IReadOnlyList<Candle> candles)
    {
        if (current is PooledCandleList pooled) PooledCandleList.Return(pooled);
        current = null;
        candles = [];
        if (rows >= batchSize) return false;
        while (!files.TryRead(out candles!))
        {
            // Runs on the store's writing thread, which has nothing else to do until the parser hands over more.
            if (!files.WaitToReadAsync(ct).AsTask().GetAwaiter().GetResult()) return false;
        }
        rows += candles.Count;
        current = candles;
        return true;
    }
}
