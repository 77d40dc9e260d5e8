using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Core.Storage;

namespace Trading.Services.Execution;

/// <summary>What the executor journals with an order: the request as a signal, and the risk decision on it.</summary>
internal static class ExecutionRecords
{
    /// <summary>Every valid request is recorded as a signal (a strategy's is already stored, and a second save is ignored).</summary>
    public static Signal? SignalOf(ExecutionRequest request, MarketState market, DateTimeOffset now)
    {
        var intent = request.Intent;
        var price = intent.SignalPrice > 0 ? intent.SignalPrice
            : intent.LimitPrice ?? (market.TryGetLatestPrice(intent.Symbol, out var last) ? last : 0m);
        if (price <= 0 || intent.Quantity < 0) return null;
        return new Signal
        {
            Id = request.SignalId, Strategy = request.BotId ?? "manual", Symbol = intent.Symbol, Side = intent.Side,
            Price = price, Quantity = intent.Quantity, CreatedAt = now, StopLoss = intent.StopLoss,
            TakeProfit = intent.TakeProfit, BotId = request.BotId, Reason = "order request",
        };
    }

    public static RiskDecisionRecord Decision(ExecutionRequest request, string clientOrderId, in RiskDecision decision, bool sends, DateTimeOffset now) => new()
    {
        Id = $"{clientOrderId}:{now.ToUnixTimeMilliseconds()}",
        Time = now, SignalId = request.SignalId, OrderId = decision.IsAllowed && sends ? clientOrderId : null,
        Check = decision.IsAllowed ? "all" : decision.Check.ToString(), Allowed = decision.IsAllowed,
        Reason = decision.IsAllowed ? $"allowed {request.Side} {decision.Quantity} {request.Symbol}" : decision.Reason ?? "",
    };

    public static RiskDecisionRecord Exit(string clientOrderId, in ProtectiveExitTrigger trigger, DateTimeOffset now) => new()
    {
        Id = $"{clientOrderId}:{now.ToUnixTimeMilliseconds()}", Time = now, SignalId = clientOrderId, OrderId = clientOrderId,
        Check = "protective_exit", Allowed = true,
        Reason = $"{trigger.Reason} at {trigger.Exit.Price}: sell {trigger.Quantity} {trigger.Symbol}",
    };
}
