using Trading.Core.Model;

namespace Trading.Services.Backtesting;

/// <summary>Candles gathered in fixed-size chunks, so an unknown count never over-allocates or copies more than once.</summary>
internal sealed class CandleChunks
{
    private const int ChunkSize = 1 << 16;

    private readonly List<Candle[]> full = [];
    private Candle[] current = new Candle[ChunkSize];
    private int used;

    public int Count => (full.Count * ChunkSize) + used;

    public void Add(in Candle candle)
    {
        if (used == current.Length)
        {
            full.Add(current);
            current = new Candle[ChunkSize];
            used = 0;
        }
        current[used++] = candle;
    }

    public void CopyTo(Candle[] target, int index)
    {
        foreach (var chunk in full)
        {
            chunk.CopyTo(target, index);
            index += ChunkSize;
        }
        Array.Copy(current, 0, target, index, used);
    }
}
