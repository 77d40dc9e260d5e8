using System.Collections;
using Shouldly;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Storage.Tests;

public abstract partial class TradingStoreSuite
{
    [Fact]
    public async Task Candles_UpsertAsync_BlocksOfMixedSizesAndSeries_StoresEveryCandleOnce()
    {
        var btc = Enumerable.Range(0, 1000).Select(i => Bar(i)).ToArray();
        var eth = Enumerable.Range(0, 90).Select(i => Bar(i, close: 50m, symbol: Eth)).ToArray();
        // Blocks shorter and several times longer than a many-row statement, a series change inside a block, a key written twice.
        var blocks = new CandleBlocks(btc[..10], btc[10..150], [.. eth[..40], .. btc[150..190]], eth[40..], btc[190..], [Bar(7, close: 150m)]);

        (await Store.Candles.UpsertAsync(blocks, Ct)).ShouldBe(1091);

        var read = await ReadAllAsync(Btc, Timeframe.M1);
        read.Count.ShouldBe(1000);
        read[7].ShouldBe(Bar(7, close: 150m));
        read.Where((_, i) => i != 7).ShouldBe(btc.Where((_, i) => i != 7));
        (await ReadAllAsync(Eth, Timeframe.M1)).ShouldBe(eth);
    }

    [Fact]
    public async Task Candles_UpsertAsync_CorruptCandleInALaterBlock_ThrowsAndStoresNothing()
    {
        var good = Enumerable.Range(0, 200).Select(i => Bar(i)).ToArray();
        var blocks = new CandleBlocks(good[..100], [.. good[100..], Bar(200) with { Low = 0m }]);

        await Should.ThrowAsync<InvalidCandleException>(() => Store.Candles.UpsertAsync(blocks, Ct));

        (await Store.Candles.ListSeriesAsync(Ct)).ShouldBeEmpty();
    }

    /// <summary>Candles handed over a block at a time, like an import's parsed files.</summary>
    private sealed class CandleBlocks(params Candle[][] blocks) : ICandleBlocks
    {
        private int next;

        public bool TryReadBlock(out ReadOnlySpan<Candle> block)
        {
            block = next < blocks.Length ? blocks[next++] : default;
            return next <= blocks.Length && !block.IsEmpty;
        }

        public IEnumerator<Candle> GetEnumerator() => blocks.SelectMany(b => b).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
