using System.Threading.Channels;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Services.Import;

/// <summary>
/// The writing half of an import: takes parsed files from a bounded channel and streams their candles into the store,
/// one transaction per <c>batchSize</c> rows, while the reading half goes on parsing. A transaction starts as soon as
/// the first file arrives, so writing overlaps parsing from the start to the end of the import.
/// </summary>
internal sealed class CandleBatchWriter
{
    private readonly ICandleStore store;
    private readonly int batchSize;
    private readonly Channel<IReadOnlyList<Candle>> channel;
    private long written;

    public CandleBatchWriter(ICandleStore store, int batchSize, int capacityInFiles)
    {
        this.store = store;
        this.batchSize = batchSize;
        channel = Channel.CreateBounded<IReadOnlyList<Candle>>(
            new BoundedChannelOptions(capacityInFiles) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>Rows committed so far.</summary>
    public long Written => Interlocked.Read(ref written);

    /// <summary>Runs until <see cref="Complete"/> is called and everything handed over is committed; returns the rows written.</summary>
    public Task<long> RunAsync(CancellationToken ct) => Task.Run(async () =>
    {
        try
        {
            while (await channel.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
                Interlocked.Add(ref written, await store.UpsertAsync(new ImportBatch(channel.Reader, batchSize, ct), ct).ConfigureAwait(false));
            return Written;
        }
        catch
        {
            channel.Writer.TryComplete(); // the producer's next hand-over fails instead of waiting forever
            throw;
        }
    }, ct);

    /// <summary>Hands one file's candles over, waiting while the channel is full; false once the writer has stopped on an error.</summary>
    public async ValueTask<bool> AddAsync(IReadOnlyList<Candle> candles, CancellationToken ct)
    {
        try
        {
            await channel.Writer.WriteAsync(candles, ct).ConfigureAwait(false);
            return true;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
    }

    public void Complete() => channel.Writer.TryComplete();
}
