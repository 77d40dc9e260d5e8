using Microsoft.Extensions.Logging;
using Trading.Core.Allocation;
using Trading.Core.Execution;
using Trading.Core.MarketData;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Core.Storage;

namespace Trading.Services.Execution;

/// <summary>
/// The one entry point for orders, from signals, the CLI and the API: the <see cref="ExecutionKernel"/> sizes the request and
/// puts it through the <see cref="RiskGate"/>; the decision is stored and logged; then (unless dry-run) the order is created
/// with a client order id derived from the signal id and sent to the venue. An order that already exists for the signal is
/// never sent again; an unknown outcome is resolved by a query. Every transition is persisted and published.
/// Every step runs under the store's trading lock, after the account, the open orders, the armed protective exits (and the
/// paper book) were refreshed from the store, so steps of every executor in every process are serialised and see one truth.
/// </summary>
public sealed class OrderExecutor : IInlineExecutor
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly ITradingStore _store;
    private readonly StoredBooks _books;
    private readonly IMessageBus _bus;
    private readonly RiskGate _risk;
    private readonly ExecutionKernel _kernel;
    private readonly ProtectiveExitJournal _exits;
    private readonly OrderJournal _journal;
    private readonly VenueDispatch? _dispatch;
    private readonly CandleDuties? _duties;
    private readonly ExchangeProtection? _protection;
    private readonly ISimulatedBook? _book;
    private readonly KillSwitch _killSwitch;
    private readonly ExecutionOptions _options;
    private readonly IMarketConnectionHealth? _health;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private (TradingState State, string Reason)? _stateChange;
    private DateTimeOffset? _lastCandleClose;
    private AllocationDecision? _allocation;

    public OrderExecutor(ITradingStore store, IMessageBus bus, IExecutionVenue? venue, RiskGate risk, MarketState market,
        ExecutionOptions options, TimeProvider time, ILogger logger, IMarketConnectionHealth? health = null)
    {
        _store = store;
        _bus = bus;
        Venue = options.Mode == ExecutionMode.DryRun ? null : venue ?? throw new ArgumentNullException(nameof(venue));
        _risk = risk;
        Market = market;
        _options = options;
        _time = time;
        _logger = logger;
        _health = health;
        _killSwitch = new KillSwitch(store.SystemState);
        _books = new StoredBooks(store, logger);
        _kernel = new ExecutionKernel(market, risk, options.Policy)
        {
            Allocator = options.Allocation is { } allocation ? new CapitalAllocator(allocation) : null,
        };
        _exits = new ProtectiveExitJournal(store.SystemState);
        _journal = new OrderJournal(store, bus, _kernel, _exits, time, logger);
        if (Venue is not null)
        {
            _book = Venue.SimulatedBook;
            _dispatch = new VenueDispatch(Venue, _journal, market, time, logger);
            _duties = new CandleDuties(store, _kernel, _journal, _dispatch, _exits, time, logger);
            if (_kernel.Policy.ProtectiveOrders == ProtectiveOrderMode.Exchange && Venue.ProtectiveOrders is { } protective)
            {
                _protection = new ExchangeProtection(store, _kernel, _journal, _dispatch, protective, time, logger);
                _journal.AfterUpdate = _protection.EnsureAsync;
            }
            Venue.Attach(ApplyVenueUpdateAsync);
        }
        _risk.StateChanged += (state, reason) => _stateChange = (state, reason);
        if (_kernel.Allocator is not null) _kernel.Allocator.Decided += decision => _allocation = decision;
    }

    public MarketState Market { get; }

    /// <summary>The executor's own books, as a backtest hands its strategy the position after the venue's fills.</summary>
    public void ShowPositions(Core.Strategies.StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var account = Market.Account;
        foreach (var (symbol, _) in context.ExtraSeries)
        {
            if (symbol != context.Symbol) context.SetPosition(symbol, account.Quantity(symbol));
        }
        context.SetOwnPosition(account.Quantity(context.Symbol), account.CostBasis(context.Symbol));
    }

    /// <summary>The decisions and the books, shared with the backtester.</summary>
    public ExecutionKernel Kernel => _kernel;

    public ExecutionMode Mode => _options.Mode;

    /// <summary>The venue orders go to; null in dry-run.</summary>
    public IExecutionVenue? Venue { get; }

    /// <summary>
    /// The latest market time this executor saw (the close of the latest candle), or the clock before the first candle: a
    /// limit entry ages in market time, so a replay of past candles times out at the same candle as its backtest.
    /// </summary>
    private DateTimeOffset MarketTime => _lastCandleClose ?? _time.GetUtcNow();

    /// <summary>Cancels an open order by id or client order id; a venue refusal (e.g. it already filled) is a denial with the reason.</summary>
    public async Task<ExecutionOutcome> CancelAsync(string id, CancellationToken ct = default)
    {
        await using (await EnterAsync(ct))
        {
            var order = await _store.Orders.GetAsync(id, ct) ?? await _store.Orders.GetByClientOrderIdAsync(id, ct);
            if (order is null) return new ExecutionOutcome(ExecutionResult.Denied, $"no order with id {id}");
            if (!order.IsOpen || _dispatch is null) return new ExecutionOutcome(ExecutionResult.Denied, $"order {id} is {order.Status}, not open", order);
            if (await _dispatch.CancelAsync(order, ct) is { } refused)
                return new ExecutionOutcome(ExecutionResult.Denied, $"cancel refused: {refused}", order);
            return await _journal.PlacedAsync(order.Id, "cancelled", ct);
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
    /// <see cref="ExecuteAsync"/> for a one-shot command: on a simulated book, in the same locked step, the new order is matched
    /// at <paramref name="price"/> (the latest stored price) at <paramref name="time"/>. Other resting orders wait for candles.
    /// An exchange matches by itself: there the request is simply executed.
    /// </summary>
    public async Task<ExecutionOutcome> ExecuteAtPriceAsync(ExecutionRequest request, decimal price, DateTimeOffset time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using (await EnterAsync(ct))
        {
            var outcome = await ExecuteLockedAsync(request, ct);
            if (_book is null || outcome.Result != ExecutionResult.Placed || outcome.Order is not { IsOpen: true } order) return outcome;
            await _journal.ApplyAllAsync(_book.MatchOrderAt(order, price, time), ct);
            return await _journal.PlacedAsync(order.Id, outcome.Reason, ct);
        }
    }

    /// <summary>
    /// Takes the store's trading lock (every executor of every process queues there), then refreshes the account, the open
    /// orders, the armed exits and the simulated book from the store, so the step decides on what is stored, not on what this
    /// process remembers.
    /// </summary>
    private async Task<IAsyncDisposable> EnterAsync(CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        IAsyncDisposable? held = null;
        try
        {
            held = await _store.TradingLock.AcquireAsync(ct);
            var open = await _books.RefreshAsync(_kernel, _book, ct);
            if (await _exits.LoadIfChangedAsync(ct) is { } armed) _kernel.Exits.ReplaceArmed(armed);
            if (_book is not null) await FailUnfinishedSimulatedOrdersAsync(open, ct);
            return new LockedStep(held, _turn);
        }
        catch
        {
            if (held is not null) await held.DisposeAsync();
            _turn.Release();
            throw;
        }
    }

    /// <summary>
    /// A simulated book answers an order within the locked step that stores it, so one still Created or Submitted when the lock
    /// is free was left by a step that died (a crash, a stop): it never reached the book, and fails rather than block its symbol.
    /// </summary>
    private async Task FailUnfinishedSimulatedOrdersAsync(IReadOnlyList<Order> open, CancellationToken ct)
    {
        foreach (var order in open)
        {
            if (order.Status is not (OrderStatus.Created or OrderStatus.Submitted)) continue;
            var failed = OrderStateMachine.Fail(order, _time.GetUtcNow(), "the paper step that placed it did not finish");
            await _journal.SaveAsync(failed.Order, failed.Event, ct);
            _logger.LogWarning("Paper order {OrderId} failed: {Cause}", order.Id, failed.Event.Cause);
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

        if (_protection is not null && request.Side == OrderSide.Sell)
            return await _protection.ReleaseForSellAsync(request.Symbol, () => DecideAndSendAsync(request, clientOrderId, ct), ct);
        return await DecideAndSendAsync(request, clientOrderId, ct);
    }

    private async Task<ExecutionOutcome> DecideAndSendAsync(ExecutionRequest request, string clientOrderId, CancellationToken ct)
    {
        var intent = _options.BotSizingFor(request.BotId) is { } botSizing ? request.Intent with { Sizing = botSizing } : request.Intent;
        if (_kernel.Allocator is not null && request.BotId is not null) intent = intent with { Strategy = request.BotId }; // each bot its own budget
        _allocation = null;
        // The order a replacement cancels in the same request neither reserves funds nor counts as open for the decision.
        if (request.Replaces is { } replaced) Market.Untrack(replaced.Id);
        var decision = _kernel.Decide(intent, out var limitPrice);
        await PersistStateChangeAsync(ct);
        var now = _time.GetUtcNow();
        var record = ExecutionRecords.Decision(request, clientOrderId, decision, _dispatch is not null, now);
        if (decision.IsAllowed && _allocation is { IsReduced: true } cut) // the allocator's cut, stored with the decision it shaped
            record = record with { Reason = $"{record.Reason}; allocator cut {cut.Requested} to {cut.Granted} by {cut.Check}: {cut.Reason}" };
        var signal = ExecutionRecords.SignalOf(request, Market, now);
        if (!decision.IsAllowed || _dispatch is null)
        {
            if (request.Replaces is { } kept) Market.Track(kept);
            await _store.Executions.RecordAsync(new ExecutionRecord(signal, record), ct);
            LogDecision(request, decision);
            return decision.IsAllowed
                ? new ExecutionOutcome(ExecutionResult.DryRun, $"dry-run: would {request.Side} {decision.Quantity} {request.Symbol}")
                : new ExecutionOutcome(ExecutionResult.Denied, $"{decision.Check}: {decision.Reason}");
        }

        var order = ExecutionKernel.NewOrder(intent, decision, limitPrice, clientOrderId, clientOrderId, now, signalId: request.SignalId, botId: request.BotId);
        // One commit before the send: the signal, the decision and the order, already Submitted with its client order id.
        // After a crash it is looked up at the venue by that id, never sent again blindly.
        var submitted = OrderStateMachine.Submit(order, now);
        await _store.Executions.RecordAsync(new ExecutionRecord(signal, record, submitted.Order, submitted.Event), ct);
        _kernel.Submitted(submitted.Order, intent, MarketTime);
        LogDecision(request, decision);
        await _journal.PublishAsync(order, null, ct);
        await _journal.PublishAsync(submitted.Order, null, ct);
        return request.Replaces is { } open && _dispatch.Venue.Replacing is not null
            ? await _dispatch.ReplaceAsync(open, submitted.Order, ct)
            : await _dispatch.SendAsync(submitted.Order, ct);
    }

    /// <summary>The signal already has an order: never send it again; a Submitted one is looked up at the venue.</summary>
    private async Task<ExecutionOutcome> ResumeExistingAsync(Order existing, CancellationToken ct)
    {
        if (existing.Status == OrderStatus.Created && _dispatch is not null) return await _dispatch.SubmitAsync(existing, ct);
        if (existing.Status == OrderStatus.Submitted && _dispatch is not null) return await _dispatch.ResolveUnknownAsync(existing, ct);
        _logger.LogInformation("Signal {SignalId} already has order {OrderId} ({Status}); not sent again", existing.SignalId, existing.Id, existing.Status);
        return new ExecutionOutcome(ExecutionResult.Duplicate, "an order for this signal already exists", existing);
    }

    /// <summary>
    /// Marks the account at a closed candle; a simulated book matches every stored open order against it. Then the symbol's
    /// protective exit fires when the candle hit it, and timed-out limit entries are cancelled, exactly as in a backtest.
    /// </summary>
    public async ValueTask OnCandleAsync(Candle candle, CancellationToken ct = default)
    {
        if (_book is null)
        {
            // Marking changes only this process's view, not the store: no store lock on the candle → order path.
            await _turn.WaitAsync(ct);
            try
            {
                Mark(candle);
            }
            finally
            {
                _turn.Release();
            }
            if (_duties is null || !_duties.HasAny(candle.Symbol)) return;
            await using (await EnterAsync(ct))
                await RunCandleDutiesLockedAsync(candle, ct);
            return;
        }
        await using (await EnterAsync(ct))
        {
            Mark(candle);
            await _journal.ApplyAllAsync(_book.OnCandle(candle), ct);
            await RunCandleDutiesLockedAsync(candle, ct);
        }
    }

    private async Task RunCandleDutiesLockedAsync(Candle candle, CancellationToken ct)
    {
        await _killSwitch.RestoreAsync(_risk, ct); // another process may have halted trading (stop-all)
        await _duties!.RunAsync(candle, ExecuteLockedAsync, ct);
    }

    /// <summary>Values the account at the candle's close and moves the executor's market time; the caller holds the turn.</summary>
    private void Mark(in Candle candle)
    {
        Market.Account.Mark(candle.Symbol, candle.Close, candle.CloseTime);
        _kernel.Allocator?.Observe(candle);
        if (_lastCandleClose is not { } seen || candle.CloseTime > seen) _lastCandleClose = candle.CloseTime;
    }

    /// <summary>Re-arms the protective exits persisted before a restart (every step also reloads them when another process changed them).</summary>
    public async Task RestoreExitsAsync(CancellationToken ct)
    {
        if (await _exits.LoadIfChangedAsync(ct) is { } armed) _kernel.Exits.ReplaceArmed(armed);
    }

    /// <summary>
    /// With exchange-held protective orders, after start-up reconciliation: every armed position with nothing on order gets its
    /// OCO (one whose orders never reached the exchange before a crash, or whose entry filled while the bot was down).
    /// </summary>
    public async Task ProtectHeldPositionsAsync(CancellationToken ct)
    {
        if (_protection is null) return;
        await using (await EnterAsync(ct))
        {
            foreach (var symbol in _kernel.Exits.Armed.Keys.ToList()) await _protection.EnsureAsync(symbol, ct);
        }
    }

    /// <summary>Applies a transition reported by the venue later (a fill on a new candle, a user-data event).</summary>
    public async ValueTask ApplyVenueUpdateAsync(VenueUpdate update, CancellationToken ct)
    {
        await using (await EnterAsync(ct))
            await _journal.ApplyAsync(update, ct);
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
            await _journal.ApplyAllAsync(await derive(stored, ct), ct);
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

    private void LogDecision(ExecutionRequest request, in RiskDecision decision)
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
