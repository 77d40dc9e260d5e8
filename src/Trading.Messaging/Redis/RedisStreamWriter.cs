using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Trading.Messaging.Redis;

/// <summary>
/// Adds encoded entries to a stream (XADD, trimmed with MAXLEN ~), retrying while Redis is away for up to
/// <see cref="RedisBusOptions.PublishTimeout"/>. A batch goes out as one pipelined write (an <see cref="IBatch"/>) and is
/// awaited once; after a failure only the entries Redis did not confirm are sent again. A retried XADD may add an entry
/// twice (Redis took it, the reply was lost); consumers drop the copy by its message id.
/// </summary>
internal sealed class RedisStreamWriter(IDatabase db, RedisEndpoint endpoint, RedisBusOptions options, TimeProvider time, ILogger logger)
{
    private long? MaxLength => options.MaxLength > 0 ? options.MaxLength : null;

    public async Task AddAsync(string stream, NameValueEntry[] fields, string messageId, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        for (var failures = 1; ; failures++)
        {
            try
            {
                await db.StreamAddAsync(stream, fields, messageId: null, maxLength: MaxLength, useApproximateMaxLength: true).WaitAsync(ct);
                return;
            }
            catch (Exception e) when (RedisFailures.IsTransient(e))
            {
                await BackOffAsync(stream, messageId, e, failures, started, ct);
            }
        }
    }

    /// <summary>Adds <paramref name="entries"/> in order; <paramref name="idOf"/> names an entry's message in the error.</summary>
    public async Task AddManyAsync(string stream, NameValueEntry[][] entries, Func<int, string> idOf, CancellationToken ct)
    {
        var added = new Task<RedisValue>[entries.Length];
        var unconfirmed = Enumerable.Range(0, entries.Length).ToArray();
        var started = time.GetTimestamp();
        for (var failures = 1; ; failures++)
        {
            var batch = db.CreateBatch();
            foreach (var i in unconfirmed)
                added[i] = batch.StreamAddAsync(stream, entries[i], messageId: null, maxLength: MaxLength, useApproximateMaxLength: true);
            batch.Execute();
            try
            {
                await Task.WhenAll(unconfirmed.Select(i => added[i])).WaitAsync(ct);
                return;
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                var failed = unconfirmed.Where(i => !added[i].IsCompletedSuccessfully).ToArray();
                var errors = failed.Select(i => added[i].Exception?.InnerException ?? new TaskCanceledException(added[i])).ToArray();
                var problem = errors.FirstOrDefault(e => !RedisFailures.IsTransient(e) && e is not TaskCanceledException);
                if (problem is not null) throw problem;
                unconfirmed = failed;
                await BackOffAsync(stream, $"{failed.Length} of {entries.Length} messages from {idOf(failed[0])}", errors[0], failures, started, ct);
            }
        }
    }

    private async Task BackOffAsync(string stream, string what, Exception e, int failures, long started, CancellationToken ct)
    {
        if (time.GetElapsedTime(started) >= options.PublishTimeout)
            throw new MessageBusUnavailableException(
                $"Redis at {endpoint} is unreachable: could not publish {what} to {stream} for {options.PublishTimeout.TotalSeconds:0} s: {RedisFailures.FirstLine(e)}", e);
        if (failures == 1) logger.LogWarning("Publishing to {Stream} failed ({Problem}); retrying", stream, RedisFailures.FirstLine(e));
        await Task.Delay(RedisConnector.RetryDelay(options, failures), time, ct);
    }
}
