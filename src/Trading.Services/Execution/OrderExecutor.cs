using Microsoft.Extensions.Logging;
using Trading.Core.Execution;
using Trading.Core.MarketData;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Core.Storage;

namespace Trading.Services.Execution;

/// <summary>
/// The one entry point for orders, from signals, the CLI and the API: sizes the request, puts it through the
/// <see cref="RiskGate"/>, stores and logs the decision, then (unless dry-run) creates the order with a client
/// order id derived from the signal id and sends it to the venue. An order that already exists for the signal is
/// never sent again; an unknown outcome is resolved by a query. Every transition is persisted and published.
/// Every step runs under the store's trading lock, after the account and the open orders (and the paper book) were
/// refreshed from the store, so steps of every executor in every process are serialised and see one truth.
/// </summary>
public sealed class OrderExecutor
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly ITradingStore _store;
    private readonly StoredBooks _books;
    private readonly IMessageBus _bus;
    private readonly IExecutionVenue? _venue;
    private readonly RiskGate _risk;
    private readonly ExecutionKernel _kernel;
    private readonly ProtectiveExitJournal _exits;
    private readonly KillSwitch _killSwitch;
    private readonly ExecutionOptions _options;
    private readonly IMarketConnectionHealth? _health;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private (TradingState State, string Reason)? _stateChange;

    public OrderExecutor(ITradingStore store, IMessageBus bus, IExecutionVenue? venue, RiskGate risk, MarketState market,
        ExecutionOptions options, TimeProvider time, ILogger logger, IMarketConnectionHealth? health = null)
    {
        _store = store;
        _bus = bus;
        _venue = options.Mode == ExecutionMode.DryRun ? null : venue ?? throw new ArgumentNullException(nameof(venue));
        _risk = risk;
        Market = market;
        _options = options;
        _time = time;
        _logger = logger;
        _health = health;
        _killSwitch = new KillSwitch(store.SystemState);
        _books = new StoredBooks(store, logger);
        _kernel = new ExecutionKernel(market, risk, options.Policy);
        _exits = new ProtectiveExitJournal(store.SystemState);
        _risk.StateChanged += (state, reason) => _stateChange = (state, reason);
        _venue?.Attach(ApplyVenueUpdateAsync);
    }

    public MarketState Market { get; }

    /// <summary>The decisions and the books, shared with the backtester.</summary>
    public ExecutionKernel Kernel => _kernel;

    public ExecutionMode Mode => _options.Mode;

    /// <summary>The venue orders go to; null in dry-run.</summary>
    public IExecutionVenue? Venue => _venue;

    /// <summary>
    /// A paper order is stored and accepted in one locked step, so one still Created or Submitted when the lock is free was
    /// left by a step that died (a crash, a stop): it never reached the paper book, and fails rather than block its symbol.
    /// </summary>
    private async Task FailUnfinishedPaperOrdersAsync(IReadOnlyList<Order> open, CancellationToken ct)
    {
        foreach (var order in open.Where(o => o.Status is OrderStatus.Created or OrderStatus.Submitted))
        {
            var failed = OrderStateMachine.Fail(order, _time.GetUtcNow(), "the paper step that placed it did not finish");
            await SaveAndPublishAsync(failed.Order, failed.Event, null, ct);
            _logger.LogWarning("Paper order {OrderId} failed: {Cause}", order.Id, failed.Event.Cause);
        }
    }

    /// <summary>Cancels an open order by id or client order id; a venue refusal (e.g. it already filled) is a denial with the reason.</summary>
    public async Task<ExecutionOutcome> CancelAsync(string id, CancellationToken ct = default)
    {
        await using (await EnterAsync(ct))
        {
            var order = await _store.Orders.GetAsync(id, ct) ?? await _store.Orders.GetByClientOrderIdAsync(id, ct);
            if (order is null) return new ExecutionOutcome(ExecutionResult.Denied, $"no order with id {id}");
            if (!order.IsOpen || _venue is null) return new ExecutionOutcome(ExecutionResult.Denied, $"order {id} is {order.Status}, not open", order);
            IReadOnlyList<VenueUpdate> updates;
            try
            {
                updates = await _venue.CancelAsync(order, ct);
            }
            catch (VenueRejectedException e)
            {
                return new ExecutionOutcome(ExecutionResult.Denied, $"cancel refused: {e.Message}", order);
            }
            foreach (var update in updates) await ApplyLockedAsync(update, ct);
            return await PlacedAsync(order.Id, "cancelled", ct);
        }
    }

    public async Task<ExecutionOutcome> ExecuteAsync(ExecutionRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var scope = _logger.BeginScope(Observability.Logging.LogScopes.ForRequest(request.SignalId, request.BotId, request.Symbol));
        await using (await EnterAsync(ct))
            return await ExecuteLockedAsync(request, ct);
    }

    /// <summary>
    /// <see cref="ExecuteAsync"/> for a one-shot command in paper mode: in the same locked step, the new order is matched at
    /// <paramref name="price"/> (the latest stored price) at <paramref name="time"/>. Other resting orders wait for candles.
    /// </summary>
    public async Task<ExecutionOutcome> ExecuteAtPriceAsync(ExecutionRequest request, decimal price, DateTimeOffset time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using (await EnterAsync(ct))
        {
            var outcome = await ExecuteLockedAsync(request, ct);
            if (_venue is not PaperVenue paper || outcome.Result != ExecutionResult.Placed || outcome.Order is not { IsOpen: true } order) return outcome;
            foreach (var update in paper.MatchOrderAt(order, price, time)) await ApplyLockedAsync(update, ct);
            return await PlacedAsync(order.Id, outcome.Reason, ct);
        }
    }

    /// <summary>
    /// Takes the store's trading lock (every executor of every process queues there), then refreshes the account, the open
    /// orders and the paper book from the store, so the step decides on what is stored, not on what this process remembers.
    /// </summary>
    private async Task<IAsyncDisposable> EnterAsync(CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        IAsyncDisposable? held = null;
        try
        {
            held = await _store.TradingLock.AcquireAsync(ct);
            var open = await _books.RefreshAsync(Market, _venue as PaperVenue, ct);
            if (_venue is PaperVenue) await FailUnfinishedPaperOrdersAsync(open, ct);
            return new LockedStep(held, _turn);
        }
        catch
        {
            if (held is not null) await held.DisposeAsync();
            _turn.Release();
            throw;
        }
    }

    private async Task<ExecutionOutcome> ExecuteLockedAsync(ExecutionRequest request, CancellationToken ct)
    {
        var clientOrderId = ClientOrderIds.FromSignal(request.SignalId);
        if (await _store.Orders.GetByClientOrderIdAsync(clientOrderId, ct) is { } existing)
            return await ResumeExistingAsync(existing, ct);

        await _killSwitch.RestoreAsync(_risk, ct);
        _stateChange = null;
        if (_health is not null) Market.IsMarketConnectionHealthy = _health.IsConnected;

        var intent = request.ToIntent(_options.BotSizingFor(request.BotId));
        var decision = _kernel.Decide(intent, out var limitPrice);
        await PersistStateChangeAsync(ct);
        var record = DecisionRecord(request, clientOrderId, decision);
        if (!decision.IsAllowed || _venue is null)
        {
            await _store.Executions.RecordAsync(new ExecutionRecord(SignalOf(request), record), ct);
            LogDecision(request, decision);
            return decision.IsAllowed
                ? new ExecutionOutcome(ExecutionResult.DryRun, $"dry-run: would {request.Side} {decision.Quantity} {request.Symbol}")
                : new ExecutionOutcome(ExecutionResult.Denied, $"{decision.Check}: {decision.Reason}");
        }

        var now = _time.GetUtcNow();
        var order = ExecutionKernel.NewOrder(intent, decision, limitPrice, clientOrderId, clientOrderId, now, signalId: request.SignalId, botId: request.BotId);
        // One commit before the send: the signal, the decision and the order, already Submitted with its client order id.
        // After a crash it is looked up at the venue by that id, never sent again blindly.
        var submitted = OrderStateMachine.Submit(order, now);
        await _store.Executions.RecordAsync(new ExecutionRecord(SignalOf(request), record, submitted.Order, submitted.Event), ct);
        _kernel.Submitted(submitted.Order, intent);
        LogDecision(request, decision);
        await PublishAsync(order, null, ct);
        await PublishAsync(submitted.Order, null, ct);
        return await SendAsync(submitted.Order, ct);
    }

    /// <summary>An order stored as Created (by an earlier version, before a crash): stored as Submitted, then sent.</summary>
    private async Task<ExecutionOutcome> SubmitAsync(Order order, CancellationToken ct)
    {
        var submitted = OrderStateMachine.Submit(order, _time.GetUtcNow());
        await SaveAndPublishAsync(submitted.Order, submitted.Event, null, ct);
        return await SendAsync(submitted.Order, ct);
    }

    private async Task<ExecutionOutcome> SendAsync(Order submitted, CancellationToken ct)
    {
        IReadOnlyList<VenueUpdate> updates;
        try
        {
            updates = await _venue!.PlaceAsync(submitted, ct);
        }
        catch (VenueOutcomeUnknownException e)
        {
            _logger.LogWarning("Order {ClientOrderId}: outcome unknown ({Reason}); resolving by query, never by a resend", submitted.ClientOrderId, e.Message);
            return await ResolveUnknownAsync(submitted, ct);
        }
        foreach (var update in updates) await ApplyLockedAsync(update, ct);
        return await PlacedAsync(submitted.Id, "sent to the venue", ct);
    }

    /// <summary>The signal already has an order: never send it again; a Submitted one is looked up at the venue.</summary>
    private async Task<ExecutionOutcome> ResumeExistingAsync(Order existing, CancellationToken ct)
    {
        if (existing.Status == OrderStatus.Created && _venue is not null) return await SubmitAsync(existing, ct);
        if (existing.Status == OrderStatus.Submitted && _venue is not null) return await ResolveUnknownAsync(existing, ct);
        _logger.LogInformation("Signal {SignalId} already has order {OrderId} ({Status}); not sent again", existing.SignalId, existing.Id, existing.Status);
        return new ExecutionOutcome(ExecutionResult.Duplicate, "an order for this signal already exists", existing);
    }

    private async Task<ExecutionOutcome> ResolveUnknownAsync(Order submitted, CancellationToken ct)
    {
        IReadOnlyList<VenueUpdate>? updates;
        try
        {
            updates = await _venue!.QueryAsync(submitted, ct);
        }
        catch (VenueOutcomeUnknownException e)
        {
            _logger.LogWarning("Order {ClientOrderId} still unresolved: {Reason}", submitted.ClientOrderId, e.Message);
            Market.Track(submitted);
            return new ExecutionOutcome(ExecutionResult.Unresolved, e.Message, submitted);
        }
        if (updates is null)
        {
            var failed = OrderStateMachine.Fail(submitted, _time.GetUtcNow(), "the venue has no order with this client order id");
            await SaveAndPublishAsync(failed.Order, failed.Event, null, ct);
            return new ExecutionOutcome(ExecutionResult.Placed, "the venue never received the order", failed.Order);
        }
        foreach (var update in updates) await ApplyLockedAsync(update, ct);
        return await PlacedAsync(submitted.Id, "resolved by query", ct);
    }

    private async Task<ExecutionOutcome> PlacedAsync(string orderId, string reason, CancellationToken ct) =>
        new(ExecutionResult.Placed, reason, await _store.Orders.GetAsync(orderId, ct));

    /// <summary>Every valid request is recorded as a signal (a strategy's is already stored, and a second save is ignored).</summary>
    private Signal? SignalOf(ExecutionRequest request)
    {
        var price = request.SignalPrice > 0 ? request.SignalPrice
            : request.LimitPrice ?? (Market.TryGetLatestPrice(request.Symbol, out var last) ? last : 0m);
        if (price <= 0 || request.Quantity < 0) return null;
        return new Signal
        {
            Id = request.SignalId, Strategy = request.BotId ?? "manual", Symbol = request.Symbol, Side = request.Side,
            Price = price, Quantity = request.Quantity, CreatedAt = _time.GetUtcNow(), StopLoss = request.StopLoss,
            TakeProfit = request.TakeProfit, BotId = request.BotId,
            Reason = "order request",
        };
    }

    /// <summary>
    /// Marks the account at a closed candle; a paper venue matches every stored open paper order against it. Then the
    /// symbol's protective exit fires when the candle hit it, exactly as in a backtest.
    /// </summary>
    public async ValueTask OnCandleAsync(Candle candle, CancellationToken ct = default)
    {
        if (_venue is not PaperVenue paper)
        {
            // Marking changes only this process's view, not the store: no store lock on the candle → order path.
            await _turn.WaitAsync(ct);
            try
            {
                Market.Account.Mark(candle.Symbol, candle.Close, candle.CloseTime);
            }
            finally
            {
                _turn.Release();
            }
            if (_venue is null || (!_kernel.Exits.TryGet(candle.Symbol, out _) && _kernel.LimitEntries.Count == 0)) return;
            await using (await EnterAsync(ct))
            {
                await TriggerExitLockedAsync(candle, ct);
                await ReviewLimitEntriesLockedAsync(candle, ct);
            }
            return;
        }
        await using (await EnterAsync(ct))
        {
            Market.Account.Mark(candle.Symbol, candle.Close, candle.CloseTime);
            foreach (var update in paper.OnCandle(candle)) await ApplyLockedAsync(update, ct);
            await TriggerExitLockedAsync(candle, ct);
            await ReviewLimitEntriesLockedAsync(candle, ct);
        }
    }

    /// <summary>Cancels the policy's limit entries that timed out on this candle and places the re-priced ones (ENTRY_LIMIT_*).</summary>
    private async Task ReviewLimitEntriesLockedAsync(Candle candle, CancellationToken ct)
    {
        if (_venue is null || _kernel.LimitEntries.Count == 0) return;
        var reviews = new List<LimitEntryReview>();
        _kernel.ReviewLimitEntries(candle, reviews);
        foreach (var review in reviews)
        {
            var stored = await _store.Orders.GetAsync(review.Order.Id, ct);
            if (stored is not { IsOpen: true })
            {
                _kernel.LimitEntries.Forget(review.Order.Id);
                continue;
            }
            try
            {
                foreach (var update in await _venue.CancelAsync(stored, ct)) await ApplyLockedAsync(update, ct);
            }
            catch (VenueRejectedException e)
            {
                _logger.LogWarning("Limit entry {OrderId} timed out but its cancel was refused: {Reason}", stored.Id, e.Message);
                continue;
            }
            _logger.LogInformation("Limit entry {OrderId} timed out: {Action}", stored.Id, review.Reprice ? $"re-priced at {review.Decision.NewPrice}" : "abandoned");
            if (!review.Reprice) continue;
            var next = review.Repriced;
            var request = new ExecutionRequest($"{stored.SignalId ?? stored.ClientOrderId}-r{next.Reprices}", next.Symbol, OrderSide.Buy, next.Quantity,
                null, next.SignalPrice, next.StopLoss, stored.BotId, next.TakeProfit) { RepriceTo = next.RepriceTo, Reprices = next.Reprices };
            await ExecuteLockedAsync(request, ct);
        }
    }

    /// <summary>Re-arms the protective exits persisted before a restart.</summary>
    public async Task RestoreExitsAsync(CancellationToken ct)
    {
        foreach (var (symbol, levels) in await _exits.LoadAsync(ct)) _kernel.Exits.Restore(symbol, levels);
    }

    /// <summary>Sends the exit the kernel triggers on <paramref name="candle"/>, once: its client order id comes from the candle.</summary>
    private async Task TriggerExitLockedAsync(Candle candle, CancellationToken ct)
    {
        if (_venue is null || !_kernel.TryTriggerExit(candle, out var trigger)) return;
        var id = ClientOrderIds.FromSignal($"exit-{candle.Symbol}-{candle.OpenTimeMs}");
        await _exits.SaveAsync(_kernel.Exits.Armed, ct);
        if (await _store.Orders.GetByClientOrderIdAsync(id, ct) is not null) return;
        var now = _time.GetUtcNow();
        var submitted = OrderStateMachine.Submit(trigger.ToOrder(id, id) with { CreatedAt = now, UpdatedAt = now }, now);
        var record = new RiskDecisionRecord
        {
            Id = $"{id}:{now.ToUnixTimeMilliseconds()}", Time = now, SignalId = id, OrderId = id, Check = "protective_exit",
            Allowed = true, Reason = $"{trigger.Reason} at {trigger.Exit.Price}: sell {trigger.Quantity} {candle.Symbol}",
        };
        await _store.Executions.RecordAsync(new ExecutionRecord(null, record, submitted.Order, submitted.Event), ct);
        _logger.LogInformation("Protective exit on {Symbol}: {Reason} at {Price}", candle.Symbol, trigger.Reason, trigger.Exit.Price);
        _kernel.Track(submitted.Order);
        await PublishAsync(submitted.Order, null, ct);
        IReadOnlyList<VenueUpdate> updates;
        try
        {
            updates = await _venue.PlaceExitAsync(submitted.Order, trigger, ct);
        }
        catch (VenueOutcomeUnknownException e)
        {
            _logger.LogWarning("Exit {ClientOrderId}: outcome unknown ({Reason}); resolving by query", id, e.Message);
            await ResolveUnknownAsync(submitted.Order, ct);
            return;
        }
        foreach (var update in updates) await ApplyLockedAsync(update, ct);
    }

    /// <summary>Applies a transition reported by the venue later (a fill on a new candle, a user-data event).</summary>
    public async ValueTask ApplyVenueUpdateAsync(VenueUpdate update, CancellationToken ct)
    {
        await using (await EnterAsync(ct))
            await ApplyLockedAsync(update, ct);
    }

    /// <summary>
    /// Applies the transitions <paramref name="derive"/> computes from the order's current stored state, under the executor's
    /// lock, so an event computed from an older copy can never undo a newer state (user-data events, reconciliation).
    /// Returns false when the store has no order with that client order id.
    /// </summary>
    public async Task<bool> ApplyToStoredOrderAsync(string clientOrderId, Func<Order, CancellationToken, Task<IReadOnlyList<VenueUpdate>>> derive,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(derive);
        await using (await EnterAsync(ct))
        {
            if (await _store.Orders.GetByClientOrderIdAsync(clientOrderId, ct) is not { } stored) return false;
            foreach (var update in await derive(stored, ct)) await ApplyLockedAsync(update, ct);
            return true;
        }
    }

    /// <summary>Runs <paramref name="action"/> on the refreshed account under the trading lock (a deposit, a balance reconciliation).</summary>
    public async Task WithAccountAsync(Func<Core.Portfolio.PortfolioAccount, CancellationToken, Task> action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using (await EnterAsync(ct))
            await action(Market.Account, ct);
    }

    private async Task ApplyLockedAsync(VenueUpdate update, CancellationToken ct)
    {
        using var scope = _logger.BeginScope(Observability.Logging.LogScopes.ForOrder(update.Order));
        if (update.Fill is { } fill)
        {
            // The fill and the order snapshot it made commit together: a crash or a stop never leaves one without the other.
            if (!await _store.Orders.SaveFillAsync(fill, update.Order, update.Event, ct)) return;
        }
        else
        {
            var stored = await _store.Orders.GetAsync(update.Order.Id, ct);
            if (stored is not null && stored.Status == update.Order.Status && stored.FilledQuantity == update.Order.FilledQuantity) return;
            await _store.Orders.SaveAsync(update.Order, update.Event, ct);
        }
        var exitsBefore = _kernel.Exits.Version;
        if (update.Fill is not null) _kernel.Book(update.Fill);
        _kernel.Track(update.Order);
        _kernel.Settle(update.Order.Symbol);
        if (_kernel.Exits.Version != exitsBefore) await _exits.SaveAsync(_kernel.Exits.Armed, ct);
        await PublishAsync(update.Order, update.Fill, ct);
        if (update.Fill is { } booked) _logger.LogInformation("Fill {FillId} of order {OrderId}: {Quantity} at {Price}", booked.Id, booked.OrderId, booked.Quantity, booked.Price);
        if (update.Order.Status is OrderStatus.Rejected or OrderStatus.Failed or OrderStatus.Expired)
            _logger.LogWarning("Order {OrderId} {Status}: {Cause}", update.Order.Id, update.Order.Status, update.Event.Cause);
    }

    private async Task SaveAndPublishAsync(Order order, OrderEvent? transition, Fill? fill, CancellationToken ct)
    {
        await _store.Orders.SaveAsync(order, transition, ct);
        _kernel.Track(order);
        await PublishAsync(order, fill, ct);
    }

    private async Task PublishAsync(Order order, Fill? fill, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        await _bus.PublishAsync(StreamNames.Orders, ExecutionMessages.Order(order, now), ct);
        if (fill is not null) await _bus.PublishAsync(StreamNames.Fills, ExecutionMessages.Fill(fill, now), ct);
    }

    private RiskDecisionRecord DecisionRecord(ExecutionRequest request, string clientOrderId, RiskDecision decision)
    {
        var now = _time.GetUtcNow();
        return new RiskDecisionRecord
        {
            Id = $"{clientOrderId}:{now.ToUnixTimeMilliseconds()}",
            Time = now, SignalId = request.SignalId, OrderId = decision.IsAllowed && _venue is not null ? clientOrderId : null,
            Check = decision.IsAllowed ? "all" : decision.Check.ToString(), Allowed = decision.IsAllowed,
            Reason = decision.IsAllowed ? $"allowed {request.Side} {decision.Quantity} {request.Symbol}" : decision.Reason ?? "",
        };
    }

    private void LogDecision(ExecutionRequest request, RiskDecision decision)
    {
        if (!decision.IsAllowed) Observability.TradingMetrics.RiskDenials.Add(1, Observability.TradingMetrics.Tag("check", decision.Check.ToString()));
        if (decision.IsAllowed)
            _logger.LogInformation("Risk gate allowed {Side} {Quantity} {Symbol} (signal {SignalId})", request.Side, decision.Quantity, request.Symbol, request.SignalId);
        else
            _logger.LogWarning("Risk gate denied {Side} {Symbol} (signal {SignalId}) by {Check}: {Reason}", request.Side, request.Symbol, request.SignalId, decision.Check, decision.Reason);
    }

    private async Task PersistStateChangeAsync(CancellationToken ct)
    {
        if (_stateChange is not { } change) return;
        _stateChange = null;
        await _killSwitch.SetAsync(change.State, change.Reason, ct);
        _logger.LogError("Trading state is now {State}: {Reason}", change.State, change.Reason);
        await _bus.PublishAsync(StreamNames.SystemEvents, ExecutionMessages.SystemEvent("trading_state", $"{change.State}: {change.Reason}", _time.GetUtcNow()), ct);
    }
}
