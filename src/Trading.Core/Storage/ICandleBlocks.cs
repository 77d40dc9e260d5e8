using Trading.Core.Model;

namespace Trading.Core.Storage;

/// <summary>
/// Candles that arrive a block at a time, such as an import's parsed files. A store's bulk writer may read whole blocks
/// instead of making an enumerator call and a copy per candle; enumerating gives the same candles. Read it one way, once.
/// </summary>
public interface ICandleBlocks : IEnumerable<Candle>
{
    /// <summary>The next block, valid until the next call; false when there is no more.</summary>
    bool TryReadBlock(out ReadOnlySpan<Candle> block);
}
