using Microsoft.Extensions.Logging;
using Trading.Core.Execution;
using Trading.Core.Futures;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Core.Storage;
using Trading.Core.Strategies;

namespace Trading.Services.Execution.Futures;

/// <summary>
/// A USDⓈ-M bot's executor: the live shell around the <see cref="ExecutionKernel"/>'s futures desk, as the futures backtest
/// is the backtest's shell around it. A signal is decided by <see cref="ExecutionKernel.DecideFutures"/> at the close of the
/// candle it came from; the decision is journalled, the order stored Submitted under the client order id derived from the
/// signal, then sent once to the venue. Each closed candle goes to the venue first (funding, the pending fill, liquidation).
/// Every booking is stored in one transaction (orders, fills, funding, positions, wallet); at start the account is replayed
/// from the store. Steps run under the store's trading lock.
/// </summary>
public sealed class FuturesExecutor : IInlineExecutor
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly ITradingStore _store;
    private readonly ExecutionKernel _kernel;
    private readonly IFuturesVenue? _venue;
    private readonly FuturesBotSettings _settings;
    private readonly ExecutionOptions _options;
    private readonly KillSwitch _killSwitch;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, FuturesOrderRecord> _open = [];
    private decimal? _lastClose;

    public FuturesExecutor(ITradingStore store, ExecutionKernel kernel, IFuturesVenue? venue, FuturesBotSettings settings, ExecutionOptions options,
        TimeProvider time, ILogger logger)
    {
        _store = store;
        _kernel = kernel;
        _venue = options.Mode == ExecutionMode.DryRun ? null : venue ?? throw new ArgumentNullException(nameof(venue));
        _settings = settings;
        _options = options;
        _time = time;
        _logger = logger;
        _killSwitch = new KillSwitch(store.SystemState);
    }

    public FuturesAccount Account => _kernel.Futures!.Account;

    public ExecutionKernel Kernel => _kernel;

    /// <summary>Takes back the orders stored open before a restart (resting, or sent with an unknown outcome).</summary>
    public async Task ResumeAsync(CancellationToken ct)
    {
        if (_venue is null) return;
        await using (await EnterAsync(ct))
        {
            foreach (var order in await _store.Futures.ListOrdersAsync(ct))
            {
                if (order.Status is not (OrderStatus.Submitted or OrderStatus.New) || order.Symbol != _settings.Symbol) continue;
                _open[order.Id] = order;
                await PersistAsync(await _venue.ResumeAsync(order, ct), ct);
            }
        }
    }

    public async ValueTask OnCandleAsync(Candle candle, CancellationToken ct = default)
    {
        if (candle.Symbol != _settings.Symbol) return;
        await using (await EnterAsync(ct))
        {
            _lastClose = candle.Close;
            var events = _venue?.OnCandle(candle) ?? [];
            Account.Mark(candle.Symbol, candle.Close);
            if (events.Count > 0 || Account.Find(candle.Symbol, PositionSide.Both) is not null) await PersistAsync(events, ct);
        }
    }

    public async Task<ExecutionOutcome> ExecuteAsync(ExecutionRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using (await EnterAsync(ct))
        {
            var id = ClientOrderIds.FromSignal(request.SignalId);
            if (await _store.Futures.GetOrderAsync(id, ct) is { } existing)
                return new ExecutionOutcome(ExecutionResult.Duplicate, $"order {existing.Id} for this signal already exists ({existing.Status}); not sent again");
            await _killSwitch.RestoreAsync(_kernel.Gate, ct);
            var now = _time.GetUtcNow();
            var intent = _options.BotSizingFor(request.BotId) is { } sizing ? request.Intent with { Sizing = sizing } : request.Intent;
            var mark = _lastClose ?? intent.SignalPrice;
            Account.Mark(intent.Symbol, mark);
            FuturesOrderRequest order = default;
            var decision = intent.Symbol != _settings.Symbol
                ? RiskDecision.Denied(RiskCheck.ExchangeFilters, $"the bot trades {_settings.Symbol}, not {intent.Symbol}")
                : _venue?.PendingOrderId is not null
                    ? RiskDecision.Denied(RiskCheck.DuplicateOrder, "an open order on the symbol already exists")
                    : _kernel.DecideFutures(intent, mark, out order);
            var signal = ExecutionRecords.SignalOf(request, _kernel.Market, now);
            await _store.Executions.RecordAsync(new ExecutionRecord(signal, ExecutionRecords.Decision(request, id, decision, _venue is not null, now)), ct);
            if (!decision.IsAllowed)
            {
                _logger.LogWarning("Risk gate denied {Side} {Symbol} (signal {SignalId}) by {Check}: {Reason}", request.Side, request.Symbol, request.SignalId, decision.Check, decision.Reason);
                return new ExecutionOutcome(ExecutionResult.Denied, $"{decision.Check}: {decision.Reason}");
            }
            if (_venue is null) return new ExecutionOutcome(ExecutionResult.DryRun, $"dry-run: would {request.Side} {decision.Quantity} {request.Symbol}");
            order = order with { Quantity = decision.Quantity };
            var record = NewOrder(id, request, order, now);
            // Stored Submitted before the send: after a crash it is looked up by its client order id, never sent again blindly.
            await _store.Futures.SaveAsync(new FuturesBooking { Orders = [record], Time = now }, ct);
            _open[id] = record;
            var events = await _venue.PlaceAsync(id, order, ct);
            if (_venue.PendingOrderId == id) _open[id] = record with { Status = OrderStatus.New, UpdatedAt = now };
            await PersistAsync(events, ct, _open.GetValueOrDefault(id));
            var stored = await _store.Futures.GetOrderAsync(id, ct);
            _logger.LogInformation("Futures order {OrderId}: {Side} {Quantity} {Symbol} reduceOnly={ReduceOnly} is {Status}", id, request.Side, order.Quantity,
                request.Symbol, order.ReduceOnly, stored?.Status);
            return new ExecutionOutcome(ExecutionResult.Placed, $"{(order.ReduceOnly ? "reduce" : "open")} {request.Side} {order.Quantity} {request.Symbol} x{order.Leverage}: {stored?.Status}");
        }
    }

    /// <summary>Signed position (negative: short) and its entry price, as the futures backtest shows its strategy.</summary>
    public void ShowPositions(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var position = Account.Find(context.Symbol, PositionSide.Both);
        context.PositionQuantity = position is null ? 0m : position.Direction * position.Quantity;
        context.PositionAveragePrice = position?.EntryPrice ?? 0m;
    }

    private FuturesOrderRecord NewOrder(string id, ExecutionRequest request, in FuturesOrderRequest order, DateTimeOffset now) => new()
    {
        Id = id, SignalId = request.SignalId, BotId = request.BotId, Symbol = order.Symbol, Side = order.Direction > 0 ? OrderSide.Buy : OrderSide.Sell,
        PositionSide = order.PositionSide, ReduceOnly = order.ReduceOnly, Quantity = order.Quantity, Leverage = order.Leverage,
        Status = OrderStatus.Submitted, CreatedAt = now, UpdatedAt = now,
    };

    /// <summary>Stores what the venue booked, the orders it changed, the symbol's position and the wallet, in one transaction.</summary>
    private async Task PersistAsync(IReadOnlyList<FuturesBookEvent> events, CancellationToken ct, FuturesOrderRecord? changed = null)
    {
        var booking = new FuturesBookingBuilder(_settings, _time.GetUtcNow());
        if (changed is not null) booking.Order(changed);
        foreach (var e in events) booking.Add(e, _open);
        await _store.Futures.SaveAsync(booking.Build(Account), ct);
        foreach (var closed in booking.ClosedOrders) _open.Remove(closed);
        foreach (var e in events) Log(e);
    }

    private void Log(FuturesBookEvent e)
    {
        if (e.Kind == FuturesBookEventKind.Expired) _logger.LogWarning("Futures order {OrderId} expired: {Reason}", e.OrderId, e.Reason);
        else if (e.Kind == FuturesBookEventKind.Liquidation) _logger.LogError("{Symbol} position liquidated at {Price}: lost {Loss}", _settings.Symbol, e.Price, -e.RealizedPnl);
        else if (e.Kind == FuturesBookEventKind.Funding) _logger.LogInformation("Funding {Amount} at {Time:u}", e.Funding!.Value.Amount, e.Time);
    }

    private async Task<IAsyncDisposable> EnterAsync(CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        try
        {
            return new LockedStep(await _store.TradingLock.AcquireAsync(ct), _turn);
        }
        catch
        {
            _turn.Release();
            throw;
        }
    }
}
