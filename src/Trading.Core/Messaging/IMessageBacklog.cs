namespace Trading.Core.Messaging;

/// <summary>
/// A bus that can tell a stream's backlog across every process sharing it: the messages its slowest consumer group has not
/// yet handled (delivered and unacknowledged, or not yet delivered). Null when the bus cannot tell right now.
/// </summary>
public interface IMessageBacklog
{
    long? Backlog(string stream);
}
