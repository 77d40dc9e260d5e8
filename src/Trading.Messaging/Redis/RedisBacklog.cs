using StackExchange.Redis;

namespace Trading.Messaging.Redis;

/// <summary>
/// A stream's backlog from XINFO GROUPS: per group, its pending entries (delivered, not acknowledged) plus its lag (entries
/// not yet delivered; Redis 7 reports it, and null when it cannot know, then only the pending count is known); the largest
/// over the groups. A stream without groups has nobody waiting for it: 0.
/// </summary>
internal static class RedisBacklog
{
    public static long? Read(IDatabase db, string stream)
    {
        try
        {
            if (!db.KeyExists(stream)) return 0;
            return db.StreamGroupInfo(stream).Select(g => g.PendingMessageCount + (g.Lag ?? 0)).DefaultIfEmpty(0).Max();
        }
        catch (Exception e) when (RedisFailures.IsTransient(e) || e is RedisServerException)
        {
            return null;
        }
    }
}
