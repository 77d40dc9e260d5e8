using StackExchange.Redis;

namespace Trading.Messaging.Redis;

/// <summary>
/// Creates consumer groups as the in-process bus joins them: the first group of a stream starts at the stream's beginning
/// (it gets what was published before anyone listened, as far as MAXLEN kept it); a later group starts at new messages.
/// An existing group keeps its position, so a restarted consumer resumes where its group stopped.
/// </summary>
internal static class RedisGroups
{
    public static void Ensure(IDatabase db, string stream, string group)
    {
        var position = db.KeyExists(stream) && db.StreamGroupInfo(stream).Length > 0 ? StreamPosition.NewMessages : StreamPosition.Beginning;
        try
        {
            db.StreamCreateConsumerGroup(stream, group, position, createStream: true);
        }
        catch (RedisServerException e) when (IsExisting(e))
        {
            // Another subscriber or process created it first; its position stands.
        }
    }

    public static async Task EnsureAsync(IDatabase db, string stream, string group)
    {
        var position = await db.KeyExistsAsync(stream) && (await db.StreamGroupInfoAsync(stream)).Length > 0
            ? StreamPosition.NewMessages
            : StreamPosition.Beginning;
        try
        {
            await db.StreamCreateConsumerGroupAsync(stream, group, position, createStream: true);
        }
        catch (RedisServerException e) when (IsExisting(e))
        {
            // As above.
        }
    }

    private static bool IsExisting(RedisServerException e) => e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal);
}
