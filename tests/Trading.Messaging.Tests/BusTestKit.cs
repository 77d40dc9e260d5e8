using Trading.Core.Messaging;
using Trading.Messaging;

namespace Trading.Messaging.Tests;

internal static class BusTestKit
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static InProcessMessageBus Bus(int capacity = 64, int maxAttempts = 3) => new(new InProcessBusOptions
    {
        Capacity = capacity,
        Delivery = new DeliveryPolicy { MaxAttempts = maxAttempts, RetryDelay = TimeSpan.Zero },
    });

    public static MessageEnvelope Message(string id, int value = 0) =>
        MessageEnvelope.Create("test", new { value }, DateTimeOffset.UnixEpoch, id: id);
}
