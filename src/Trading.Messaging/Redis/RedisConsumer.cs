using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Trading.Messaging.Redis;

/// <summary>
/// One subscription: a named consumer in a group. It first reads its own pending entries (those a previous run under the same
/// name left unacknowledged), then new ones (XREADGROUP &gt;), and every <see cref="RedisBusOptions.ClaimInterval"/> takes over
/// entries another consumer left pending longer than <see cref="RedisBusOptions.ClaimIdleTime"/> (XAUTOCLAIM). While Redis
/// is away it retries with backoff; after it is back it rereads its pending entries, so an entry whose ack was lost is
/// acknowledged as a duplicate instead of handled again.
/// </summary>
internal sealed class RedisConsumer(
    IDatabase db,
    ISubscriber subscriber,
    RedisChannel wakeChannel,
    string stream,
    string group,
    string consumer,
    RedisBusOptions options,
    RedisEntryHandler entries,
    TimeProvider time,
    ILogger logger)
{
    private readonly WakeSignal _wake = new();

    public async Task RunAsync(CancellationToken ct)
    {
        await Task.Yield();
        Action<RedisChannel, RedisValue> onPublish = (_, _) => _wake.Set();
        try
        {
            await subscriber.SubscribeAsync(wakeChannel, onPublish);
        }
        catch (Exception e) when (RedisFailures.IsTransient(e))
        {
            logger.LogWarning("No publish notifications for {Stream}/{Group} yet ({Problem}): polling", stream, group, RedisFailures.FirstLine(e));
        }
        try
        {
            await ConsumeAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped: whatever was not settled stays pending for this group.
        }
        finally
        {
            subscriber.Unsubscribe(wakeChannel, onPublish, CommandFlags.FireAndForget);
        }
    }

    private async Task ConsumeAsync(CancellationToken ct)
    {
        RedisValue pendingFrom = StreamPosition.Beginning;
        var readingPending = true;
        // Rereading the pending list after a reconnect counts as a delivery too; only the first read after start says a crash loop.
        var firstPendingPass = true;
        var nextClaim = time.GetTimestamp();
        var failures = 0;
        var groupMissing = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (groupMissing) await RedisGroups.EnsureAsync(db, stream, group);
                groupMissing = false;
                if (time.GetTimestamp() >= nextClaim)
                {
                    await ReclaimAsync(ct);
                    nextClaim = time.GetTimestamp() + (long)(options.ClaimInterval.TotalSeconds * time.TimestampFrequency);
                }
                var published = _wake.Arm();
                var batch = await db.StreamReadGroupAsync(stream, group, consumer,
                    readingPending ? pendingFrom : StreamPosition.NewMessages, options.ReadBatch);
                if (failures > 0) logger.LogInformation("Redis is back: {Stream}/{Group} resumes from the group's position", stream, group);
                failures = 0;
                if (batch.Length == 0)
                {
                    if (readingPending) (readingPending, firstPendingPass) = (false, false);
                    else await WaitAsync(published, ct);
                    continue;
                }
                var deliveries = readingPending && firstPendingPass ? await DeliveryCountsAsync(batch) : null;
                var handled = await entries.HandleBatchAsync(batch, deliveries, ct);
                if (handled < batch.Length) return;
                if (readingPending) pendingFrom = batch[^1].Id;
            }
            catch (Exception e) when (RedisFailures.IsMissingGroup(e))
            {
                logger.LogWarning("Group {Group} of {Stream} is gone (Redis lost its data?): creating it again", group, stream);
                groupMissing = true;
                (readingPending, pendingFrom) = (true, StreamPosition.Beginning);
            }
            catch (Exception e) when (RedisFailures.IsTransient(e) && !ct.IsCancellationRequested)
            {
                failures++;
                var delay = RedisConnector.RetryDelay(options, failures);
                if (failures == 1) logger.LogWarning("Redis is unreachable for {Stream}/{Group}: {Problem}; retrying", stream, group, RedisFailures.FirstLine(e));
                await Task.Delay(delay, time, ct);
                (readingPending, pendingFrom) = (true, StreamPosition.Beginning);
            }
        }
    }

    private async Task WaitAsync(Task published, CancellationToken ct)
    {
        try
        {
            await published.WaitAsync(options.PollInterval, time, ct);
        }
        catch (TimeoutException)
        {
            // No notification: read anyway, in case one was lost while the connection was re-established.
        }
    }

    /// <summary>Takes over and settles entries other consumers of the group left pending too long (they died or hang).</summary>
    private async Task ReclaimAsync(CancellationToken ct)
    {
        RedisValue from = "0-0";
        do
        {
            var claim = await db.StreamAutoClaimAsync(stream, group, consumer, (long)options.ClaimIdleTime.TotalMilliseconds, from, options.ReadBatch);
            if (claim.IsNull) return;
            if (claim.ClaimedEntries.Length > 0)
            {
                logger.LogWarning("{Consumer} reclaimed {Count} entries of {Stream}/{Group} pending over {Idle} s", consumer,
                    claim.ClaimedEntries.Length, stream, group, options.ClaimIdleTime.TotalSeconds);
                var deliveries = await DeliveryCountsAsync(claim.ClaimedEntries);
                if (await entries.HandleBatchAsync(claim.ClaimedEntries, deliveries, ct) < claim.ClaimedEntries.Length)
                    ct.ThrowIfCancellationRequested();
            }
            from = claim.NextStartId;
        }
        while (from != "0-0");
    }

    private async Task<Dictionary<RedisValue, long>> DeliveryCountsAsync(StreamEntry[] batch)
    {
        var pending = await db.StreamPendingMessagesAsync(stream, group, batch.Length, consumer, batch[0].Id, batch[^1].Id);
        return pending.ToDictionary(p => p.MessageId, p => (long)p.DeliveryCount);
    }
}
