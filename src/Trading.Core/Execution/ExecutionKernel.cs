using Trading.Core.Allocation;
using Trading.Core.Model;
using Trading.Core.Portfolio;
using Trading.Core.Risk;

namespace Trading.Core.Execution;

/// <summary>
/// The one orchestrator of orders in every environment (backtest, paper, testnet, live): sizing → pre-checks →
/// <see cref="RiskGate"/> → the order → protective exits → booking the venue's updates into the account. It is
/// synchronous and does no I/O; the backtest loop and the live executor are shells around it that own the clock,
/// the venue and (live) the lock, the journal and the bus.
/// </summary>
public sealed class ExecutionKernel
{
    public ExecutionKernel(MarketState market, RiskGate gate, ExecutionPolicy? policy = null)
    {
        Market = market ?? throw new ArgumentNullException(nameof(market));
        Gate = gate ?? throw new ArgumentNullException(nameof(gate));
        Policy = policy ?? new ExecutionPolicy();
        Policy.Validate();
    }

    public MarketState Market { get; }
    public RiskGate Gate { get; }
    public ExecutionPolicy Policy { get; }
    public ProtectiveExitBook Exits { get; } = new();
    public LimitEntryBook LimitEntries { get; } = new();
    public PortfolioAccount Account => Market.Account;

    /// <summary>The futures account and checks when this kernel also trades USDⓈ-M symbols; null for spot only.</summary>
    public FuturesDesk? Futures { get; init; }

    /// <summary>
    /// Set by a backtest, whose venue numbers its fills: fills are booked without the duplicate check. Live fills can
    /// arrive twice (a query and a user-data event) and are deduplicated by id.
    /// </summary>
    public bool FillsAreUnique { get; init; }

    /// <summary>
    /// Shares equity among strategies (docs/allocation.md): an intent that names its strategy is cut to the strategy's budget
    /// and the portfolio heat cap, and sells at most what its strategy holds. Null: every intent is sized as it asks.
    /// </summary>
    public CapitalAllocator? Allocator { get; init; }

    /// <summary>
    /// Sizes and checks one intent. Returns the gate's decision (quantity and price on the filters) and the limit price
    /// the order rests at, null for a market order.
    /// </summary>
    public RiskDecision Decide(in OrderIntent intent, out decimal? limitPrice)
    {
        limitPrice = intent.LimitPrice;
        if (intent.Quantity < 0)
            return RiskDecision.Denied(RiskCheck.ExchangeFilters, $"quantity must be positive, got {intent.Quantity}");
        var filters = Market.GetFilters(intent.Symbol);
        if (filters is null)
            return RiskDecision.Denied(RiskCheck.ExchangeFilters, $"unknown symbol {intent.Symbol}");
        if (intent.RequireExactFilters && intent.LimitPrice is { } limit && !filters.IsOnTick(limit))
            return RiskDecision.Denied(RiskCheck.ExchangeFilters, $"price {limit} is not a multiple of the tick size {filters.TickSize}");
        if (intent.RequireExactFilters && !filters.IsOnStep(intent.Quantity))
            return RiskDecision.Denied(RiskCheck.ExchangeFilters, $"quantity {intent.Quantity} is not a multiple of the step size {filters.StepSize}");

        if (IsPolicyLimitEntry(intent))
            limitPrice = filters.RoundPrice(intent.RepriceTo ?? intent.SignalPrice);
        var quantity = Size(intent, filters, limitPrice);
        if (Allocator is not null && intent.Strategy is not null && quantity > 0)
        {
            var allotted = Allot(intent, quantity, filters, limitPrice);
            if (allotted.IsDenied && intent.Side == OrderSide.Buy) return RiskDecision.Denied(allotted.Check, allotted.Reason!);
            quantity = allotted.Granted;
        }
        if (quantity <= 0)
            return RiskDecision.Denied(RiskCheck.Sizing, intent.Side == OrderSide.Sell ? "sell signal with nothing held" : "buy signal sized to zero");
        if (filters.MaxQuantity > 0 && quantity > filters.MaxQuantity)
            return RiskDecision.Denied(RiskCheck.ExchangeFilters, $"quantity {quantity} is above the maximum {filters.MaxQuantity}");
        var owner = Allocator is null ? null : intent.Strategy;
        if (owner is not null && Allocator!.HasOpenOrder(owner, intent.Symbol, intent.Side == OrderSide.Buy))
            return RiskDecision.Denied(RiskCheck.DuplicateOrder, $"an open {intent.Side} order of {owner} on {intent.Symbol} already exists");
        return Gate.Evaluate(new OrderRequest(intent.Symbol, intent.Side, quantity, limitPrice, intent.SignalPrice) { Owner = owner }, Market);
    }

    /// <summary>
    /// Sizes and checks a futures intent on the <see cref="Futures"/> desk at <paramref name="markPrice"/>, under the same
    /// trading state (kill switch) as spot. <paramref name="order"/> is the position side, direction, quantity and whether it
    /// only reduces.
    /// </summary>
    public RiskDecision DecideFutures(in OrderIntent intent, decimal markPrice, out FuturesOrderRequest order)
    {
        if (Futures is null || !Futures.Trades(intent.Symbol))
        {
            order = default;
            return RiskDecision.Denied(RiskCheck.ExchangeFilters, $"unknown futures symbol {intent.Symbol}");
        }
        return Futures.Decide(intent, markPrice, intent.Sizing ?? Policy.Sizing, Gate.State, out order, Allocator);
    }

    /// <summary>
    /// A bot's order this kernel did not submit (another process placed it, or this one before a restart): the allocator books
    /// its fills to the bot. Its open risk follows the policy's stop, as the signal's own stop is not stored with the order.
    /// </summary>
    public void Adopt(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (Allocator is null || order.BotId is null || Allocator.Knows(order.Id)) return;
        var intent = new OrderIntent(order.Symbol, order.Side, order.Quantity);
        var entry = order.Price ?? (Market.TryGetLatestPrice(order.Symbol, out var last) ? last : 0m);
        Allocator.Submitted(order.Id, order.BotId, order.Symbol, order.Side == OrderSide.Buy, 1, order.RemainingQuantity, entry,
            entry > 0 ? RiskPerUnit(intent, entry) : 0m);
    }

    /// <summary>A strategy's sell takes at most what the strategy holds; its buy what the allocator grants.</summary>
    private AllocationDecision Allot(in OrderIntent intent, decimal quantity, SymbolFilters filters, decimal? limitPrice)
    {
        var strategy = intent.Strategy!;
        if (intent.Side == OrderSide.Sell)
        {
            var held = Allocator!.Held(strategy, intent.Symbol, out _);
            return new AllocationDecision(strategy, intent.Symbol, quantity, Math.Min(quantity, held), RiskCheck.None, null);
        }
        var entry = EntryPrice(intent, limitPrice);
        return Allocator!.Allocate(strategy, intent.Symbol, quantity, entry, entry, RiskPerUnit(intent, entry), Market.Equity, filters);
    }

    /// <summary>What one unit of a long entry loses at its stop: the intent's, else the policy's percent, else the whole price.</summary>
    private decimal RiskPerUnit(in OrderIntent intent, decimal entry)
    {
        var stop = intent.StopLoss ?? (Policy.StopLossPct > 0 ? entry * (1m - Policy.StopLossPct / 100m) : null);
        return stop is { } level && level > 0 && level < entry ? entry - level : entry;
    }

    private decimal EntryPrice(in OrderIntent intent, decimal? limitPrice) =>
        limitPrice ?? (Market.TryGetLatestPrice(intent.Symbol, out var last) ? last : intent.SignalPrice);

    /// <summary>
    /// A sell takes what the intent states, at most what is free (all of it when it states nothing). A buy follows the
    /// bot's or the policy's sizing rule, else the stated quantity, else the policy's default rule.
    /// </summary>
    private decimal Size(in OrderIntent intent, SymbolFilters filters, decimal? limitPrice)
    {
        if (intent.Side == OrderSide.Sell)
        {
            var free = Market.AvailableBase(intent.Symbol);
            return intent.Quantity > 0 ? Math.Min(intent.Quantity, free) : filters.RoundQuantity(free);
        }
        if (intent.Reprices > 0 && intent.Quantity > 0) return intent.Quantity; // a re-priced entry keeps its remaining quantity
        var rule = intent.Sizing ?? Policy.Sizing;
        if (rule is null && intent.Quantity > 0) return intent.Quantity;
        var entry = EntryPrice(intent, limitPrice);
        if (entry <= 0) return 0m;
        return (rule ?? Policy.DefaultSizing).Size(Market.Equity, entry, intent.StopLoss, filters);
    }

    private bool IsPolicyLimitEntry(in OrderIntent intent) =>
        intent.LimitPrice is null && intent.Side == OrderSide.Buy && Policy.EntryOrderType == EntryOrderType.Limit && intent.SignalPrice > 0;

    /// <summary>The order for an allowed decision, in <paramref name="status"/> (Created, or Submitted when sent in the same instant).</summary>
    public static Order NewOrder(in OrderIntent intent, in RiskDecision decision, decimal? limitPrice, string id, string clientOrderId,
        DateTimeOffset now, OrderStatus status = OrderStatus.Created, string? signalId = null, string? botId = null) => new()
    {
        Id = id, ClientOrderId = clientOrderId, SignalId = signalId, BotId = botId, Symbol = intent.Symbol, Side = intent.Side,
        Type = limitPrice is null ? OrderType.Market : OrderType.Limit, Price = limitPrice is null ? null : decision.Price,
        Quantity = decision.Quantity, Status = status, CreatedAt = now, UpdatedAt = now,
    };

    /// <summary>
    /// Records an order handed to the venue: it reserves balance, and a buy waits to arm its protective exits. A policy limit
    /// entry ages from <paramref name="marketTime"/>, the close of the candle it was decided on, in every environment.
    /// </summary>
    public void Submitted(Order order, in OrderIntent intent, DateTimeOffset marketTime)
    {
        Market.Track(order);
        if (Allocator is not null && intent.Strategy is not null)
        {
            var entry = order.Price ?? EntryPrice(intent, null);
            Allocator.Submitted(order.Id, intent.Strategy, order.Symbol, order.Side == OrderSide.Buy, 1, order.Quantity, entry, RiskPerUnit(intent, entry));
        }
        if (order.Type == OrderType.Limit && Policy.LimitEntryTimeout is not null && IsPolicyLimitEntry(intent))
            LimitEntries.Track(order, intent, marketTime);
        if (order.Side == OrderSide.Buy && (intent.StopLoss is not null || intent.TakeProfit is not null || Policy.StopLossPct > 0 || Policy.TakeProfitPct > 0))
            Exits.Expect(order.Id, intent.StopLoss, intent.TakeProfit, intent.SignalPrice);
    }

    /// <summary>
    /// Books one fill into the account and arms the protective exits of an entry. Returns false for a fill booked before.
    /// Call <see cref="Settle"/> once the batch of updates is applied.
    /// </summary>
    public bool Book(Fill fill)
    {
        if (FillsAreUnique) Account.ApplyNew(fill);
        else if (!Account.Apply(fill)) return false;
        Allocator?.Book(fill);
        if (fill.Side == OrderSide.Buy && Exits.HasPending) Exits.TryArm(fill, Policy, Market.GetFilters(fill.Symbol));
        return true;
    }

    /// <summary>The order's latest snapshot: an open order keeps its reservation, a closed one releases it and its pending exits.</summary>
    public void Track(Order order)
    {
        Market.Track(order);
        if (order.IsOpen) return;
        Allocator?.Closed(order.Id);
        Exits.Forget(order.Id);
        LimitEntries.Forget(order.Id);
    }

    /// <summary>An order that left the book, known by id only (a backtest keeps no snapshots).</summary>
    public void Closed(string orderId)
    {
        Market.Untrack(orderId);
        Allocator?.Closed(orderId);
        Exits.Forget(orderId);
        LimitEntries.Forget(orderId);
    }

    /// <summary>
    /// The policy's limit entries of the candle's symbol that timed out by its close, with what to do: the shell cancels
    /// each, then places <see cref="LimitEntryReview.Repriced"/> when the decision is to re-price.
    /// </summary>
    public void ReviewLimitEntries(in Candle candle, List<LimitEntryReview> reviews)
    {
        if (LimitEntries.Count == 0 || Policy.LimitEntryTimeout is not { } timeout) return;
        LimitEntries.Review(candle, timeout, Market.GetFilters(candle.Symbol), reviews);
    }

    /// <summary>Disarms a flat symbol's exits; true when something was disarmed.</summary>
    public bool Settle(Symbol symbol) => Account.Quantity(symbol) == 0 && Exits.Disarm(symbol);

    /// <summary>
    /// With exchange-held protective orders: the levels and the quantity to protect when the symbol's exits are armed, nothing
    /// of it is on order (no open entry still filling, no protective order open), and what is held reaches the minimum quantity.
    /// </summary>
    public bool TryGetProtectionDue(Symbol symbol, out ProtectiveLevels levels, out decimal quantity)
    {
        quantity = 0m;
        levels = default;
        if (Policy.ProtectiveOrders != ProtectiveOrderMode.Exchange || !Exits.TryGet(symbol, out levels)) return false;
        if (Market.HasOpenOrder(symbol, OrderSide.Buy) || Market.HasOpenOrder(symbol, OrderSide.Sell)) return false;
        var filters = Market.GetFilters(symbol);
        quantity = filters?.RoundQuantity(Market.AvailableBase(symbol)) ?? Market.AvailableBase(symbol);
        return quantity > 0 && (filters is null || quantity >= filters.MinQuantity);
    }

    /// <summary>
    /// Checks the symbol's armed stop-loss and take-profit against a closed candle, along the path docs/fills.md assumes.
    /// When one is hit it is disarmed and the exit to send is returned. Nothing triggers while the gate is HALTED, nor when the
    /// exchange holds the protective orders (it triggers them itself).
    /// </summary>
    public bool TryTriggerExit(in Candle candle, out ProtectiveExitTrigger trigger)
    {
        trigger = default;
        // HALTED sends nothing, not even a protective exit: it stays armed and fires on a later candle once the state is
        // ACTIVE or REDUCING again (docs/risk.md, "HALTED and REDUCING").
        if (Gate.State == TradingState.Halted || Policy.ProtectiveOrders == ProtectiveOrderMode.Exchange) return false;
        if (Exits.ArmedCount == 0 || !Exits.TryGet(candle.Symbol, out var levels)) return false;
        var exit = FillModel.ResolveLongExit(candle, levels.StopLoss, levels.TakeProfit);
        if (!exit.Triggered) return false;
        var filters = Market.GetFilters(candle.Symbol);
        var quantity = filters?.RoundQuantity(Market.AvailableBase(candle.Symbol)) ?? Market.AvailableBase(candle.Symbol);
        if (quantity <= 0 || (filters is not null && quantity < filters.MinQuantity)) return false;
        Exits.Disarm(candle.Symbol);
        trigger = new ProtectiveExitTrigger(candle.Symbol, exit, quantity, exit.AtOpen ? candle.OpenTime : candle.CloseTime);
        return true;
    }
}
