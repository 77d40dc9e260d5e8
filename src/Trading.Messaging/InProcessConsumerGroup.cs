using System.Threading.Channels;
using Trading.Core.Messaging;

namespace Trading.Messaging;

/// <summary>One consumer group of one stream: a bounded queue that its subscribers share, and its delivery rules.</summary>
internal sealed class InProcessConsumerGroup(Channel<MessageEnvelope> queue, ReliableDelivery delivery)
{
    public ChannelReader<MessageEnvelope> Reader => queue.Reader;

    public ChannelWriter<MessageEnvelope> Writer => queue.Writer;

    public ReliableDelivery Delivery => delivery;

    public static InProcessConsumerGroup Create(int capacity, ReliableDelivery delivery) =>
        new(Channel.CreateBounded<MessageEnvelope>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        }), delivery);
}
