using Trading.Core.Model;

namespace Trading.Core.Storage;

/// <summary>
/// What the order executor decided about one request: the signal it came from (ignored when already stored), the risk
/// decision and, when it is allowed, the order with its client order id and its first transition.
/// </summary>
public sealed record ExecutionRecord(Signal? Signal, RiskDecisionRecord Decision, Order? Order = null, OrderEvent? Transition = null);
