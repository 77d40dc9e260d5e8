using Trading.Core.Futures;
using Trading.Core.Model;

namespace Trading.Core.Risk;

/// <summary>
/// The risk gate's futures checks, run after the shared trading state and before the venue (docs/futures.md, "Risk
/// gate"). An order that opens or increases a position is checked for leverage (configured maximum and the symbol's
/// bracket), the distance from entry to liquidation, the margin ratio, the total exposure, the available balance and the
/// exchange filters; a reduce-only order only for not flipping the position. Every answer is a <see cref="RiskDecision"/>
/// with its reason, journalled as spot decisions are.
/// </summary>
public sealed class FuturesRiskGate
{
    private const decimal Hundred = 100m;

    public FuturesRiskGate(FuturesRiskLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        Limits = limits;
    }

    public FuturesRiskLimits Limits { get; }

    public RiskDecision Evaluate(in FuturesOrderRequest request, FuturesAccount account, LeverageBrackets brackets, SymbolFilters filters,
        TradingState state, decimal takerFeeRate)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(brackets);
        ArgumentNullException.ThrowIfNull(filters);
        if (state == TradingState.Halted) return RiskDecision.Denied(RiskCheck.TradingState, "trading is HALTED (kill switch engaged)");
        var position = account.Find(request.Symbol, request.PositionSide);
        if (request.ReduceOnly) return EvaluateReduce(request, position, filters);
        if (state == TradingState.Reducing) return RiskDecision.Denied(RiskCheck.TradingState, "trading is REDUCING: only exits are allowed");
        if (request.Price <= 0) return RiskDecision.Denied(RiskCheck.MarketConnection, $"no mark price for {request.Symbol}");

        var filtered = ExchangeFilterCheck.Apply(
            new OrderRequest(request.Symbol, request.Direction > 0 ? OrderSide.Buy : OrderSide.Sell, request.Quantity, null, request.Price), filters, request.Price);
        if (!filtered.IsAllowed) return filtered;
        var quantity = filtered.Quantity;
        var held = position?.Quantity ?? 0m;
        var notional = (held + quantity) * request.Price;

        if (request.Leverage > Limits.MaxLeverage)
            return RiskDecision.Denied(RiskCheck.Leverage, $"leverage {request.Leverage}x is above the maximum {Limits.MaxLeverage}x");
        var bracketMax = brackets.MaxLeverageFor(notional);
        if (request.Leverage > bracketMax)
            return RiskDecision.Denied(RiskCheck.Leverage, $"leverage {request.Leverage}x is above {bracketMax}x, the {request.Symbol} bracket maximum for a notional of {notional}");

        var margin = (position?.IsolatedMargin ?? 0m) + FuturesMath.InitialMargin(quantity, request.Price, request.Leverage);
        var entry = (held * (position?.EntryPrice ?? 0m) + quantity * request.Price) / (held + quantity);
        var liquidation = FuturesMath.LiquidationPrice(request.Direction, held + quantity, entry, margin, brackets);
        if (Math.Abs(entry - liquidation) * Hundred < Limits.MinLiquidationDistancePct * entry)
            return RiskDecision.Denied(RiskCheck.LiquidationDistance,
                $"liquidation price {liquidation:0.##} is within {Limits.MinLiquidationDistancePct}% of the entry {entry:0.##}");

        var maintenance = FuturesMath.MaintenanceMargin(held + quantity, request.Price, brackets);
        var balance = margin + FuturesMath.UnrealizedPnl(request.Direction, held + quantity, entry, request.Price);
        if (balance <= 0 || maintenance * Hundred > Limits.MaxMarginRatioPct * balance)
            return RiskDecision.Denied(RiskCheck.MarginRatio, $"margin ratio would exceed {Limits.MaxMarginRatioPct}% (maintenance {maintenance:0.##} of margin {balance:0.##})");

        var equity = account.Equity;
        var exposure = account.Exposure + quantity * request.Price;
        if (exposure * Hundred > Limits.MaxExposurePct * equity)
            return RiskDecision.Denied(RiskCheck.MaxExposure, $"total exposure {exposure:0.##} would exceed {Limits.MaxExposurePct}% of equity {equity:0.##}");

        var needed = FuturesMath.InitialMargin(quantity, request.Price, request.Leverage) + FuturesMath.Fee(quantity, request.Price, takerFeeRate);
        if (needed > account.AvailableBalance)
            return RiskDecision.Denied(RiskCheck.AvailableBalance, $"needs {needed:0.########} USDT of margin and fee, available {account.AvailableBalance:0.########}");
        return filtered;
    }

    private static RiskDecision EvaluateReduce(in FuturesOrderRequest request, FuturesPosition? position, SymbolFilters filters)
    {
        if (position is null || position.Quantity == 0)
            return RiskDecision.Denied(RiskCheck.ReduceOnly, $"reduce-only order on {request.Symbol} {request.PositionSide} with no position to reduce");
        if (request.Direction == position.Direction)
            return RiskDecision.Denied(RiskCheck.ReduceOnly, $"reduce-only order in the direction of {position}: it would increase it");
        if (request.Quantity > position.Quantity)
            return RiskDecision.Denied(RiskCheck.ReduceOnly, $"reduce-only order of {request.Quantity} exceeds the position {position.Quantity}: it would flip it");
        var quantity = StepRounding.Floor(request.Quantity, filters.StepSize);
        return quantity <= 0
            ? RiskDecision.Denied(RiskCheck.ExchangeFilters, $"quantity {request.Quantity} rounds to 0 on step {filters.StepSize}")
            : RiskDecision.Allowed(quantity, 0m);
    }
}
