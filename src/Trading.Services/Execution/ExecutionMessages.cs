using System.Globalization;
using Trading.Core.Messaging;
using Trading.Core.Model;

namespace Trading.Services.Execution;

/// <summary>Bus payloads of the executor: order snapshots on <c>orders</c>, fills on <c>fills</c>, notices on <c>system.events</c>.</summary>
public static class ExecutionMessages
{
    public const string OrderType = "order";
    public const string FillType = "fill";
    public const string SystemEventType = "system.event";

    /// <summary>One message per order state, so a redelivered snapshot deduplicates by id.</summary>
    public static MessageEnvelope Order(Order order, DateTimeOffset time) =>
        MessageEnvelope.Create(OrderType, order, time,
            id: string.Create(CultureInfo.InvariantCulture, $"order:{order.Id}:{order.Status}:{order.FilledQuantity}"));

    public static MessageEnvelope Fill(Fill fill, DateTimeOffset time) =>
        MessageEnvelope.Create(FillType, fill, time, id: $"fill:{fill.OrderId}:{fill.Id}");

    public static MessageEnvelope SystemEvent(string kind, string message, DateTimeOffset time) =>
        MessageEnvelope.Create(SystemEventType, new SystemEvent(kind, message), time);
}

/// <summary>A notice for operators, e.g. a reconciliation difference or the kill switch engaging.</summary>
public sealed record SystemEvent(string Kind, string Message);
