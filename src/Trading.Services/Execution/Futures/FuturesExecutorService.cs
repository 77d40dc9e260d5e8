using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Trading.Binance.Futures;
using Trading.Core.Execution;
using Trading.Core.Futures;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Portfolio;
using Trading.Core.Risk;
using Trading.Core.Storage;
using Trading.Services.Configuration;

namespace Trading.Services.Execution.Futures;

/// <summary>
/// A USDⓈ-M bot's executor as a hosted service, in place of the spot order executor: builds the <see cref="FuturesExecutor"/>
/// (the account replayed from the store, the kernel with its futures desk, the paper or exchange venue), takes back open
/// orders, then is driven candle by candle by the strategy engine (<see cref="InlineExecution"/>) or, without one, consumes
/// <c>candles.{SYMBOL}</c> and <c>signals</c> itself.
/// </summary>
public sealed class FuturesExecutorService(
    TradingSettings settings,
    ExecutionOptions options,
    FuturesBotSettings futures,
    ITradingStore store,
    IMessageBus bus,
    TimeProvider time,
    ILogger<FuturesExecutorService> logger,
    BinanceFuturesClient? client = null,
    InlineExecution? inline = null) : BackgroundService
{
    public const string ConsumerGroup = "futures-executor";
    private readonly TaskCompletionSource<FuturesExecutor> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<FuturesExecutor> Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            logger.LogWarning("Futures executor mode: {Mode}, {Symbol} x{Leverage}, funding {Funding}", ExecutionModes.Describe(options.Mode),
                futures.Symbol, futures.Leverage, futures.Funding.Source);
            var executor = await CreateAsync(stoppingToken);
            await executor.ResumeAsync(stoppingToken);
            inline?.Offer(executor);
            var driven = inline is null ? new HashSet<Symbol>() : await inline.Symbols.WaitAsync(stoppingToken);
            var subscriptions = new List<Task>();
            if (!driven.Contains(futures.Symbol))
            {
                subscriptions.Add(bus.SubscribeAsync(StreamNames.Candles(futures.Symbol), ConsumerGroup,
                    (message, ct) => executor.OnCandleAsync(message.Deserialize<CandleMessage>().ToCandle(), ct), stoppingToken));
                subscriptions.Add(bus.SubscribeAsync(StreamNames.Signals, ConsumerGroup, async (message, ct) =>
                {
                    var signal = message.Deserialize<Signal>();
                    if (signal.Symbol == futures.Symbol) logger.LogInformation("Signal {SignalId}: {Outcome}", signal.Id,
                        await executor.ExecuteAsync(ExecutionRequest.FromSignal(signal), CancellationToken.None));
                }, stoppingToken));
            }
            _ready.TrySetResult(executor);
            await Task.WhenAll(subscriptions);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _ready.TrySetCanceled(stoppingToken);
        }
        catch (Exception e)
        {
            _ready.TrySetException(e);
            inline?.Fail(e);
            throw;
        }
    }

    private async Task<FuturesExecutor> CreateAsync(CancellationToken ct)
    {
        var exchange = options.Mode is ExecutionMode.Testnet or ExecutionMode.Live;
        if (exchange && client is null) throw new InvalidOperationException($"{options.Mode} futures trading needs the Binance futures client.");
        var filters = exchange
            ? (await client!.GetExchangeInfoAsync(ct)).FirstOrDefault(s => s.Symbol == futures.Symbol)?.Filters
            : (await SymbolDirectory.ForModeAsync(settings, options.Mode, store, time, ct)).GetValueOrDefault(futures.Symbol);
        if (filters is null) throw new InvalidOperationException($"no exchange filters known for the futures symbol {futures.Symbol}");
        var account = await FuturesAccountReplay.BuildAsync(store.Futures, options.InitialQuoteBalance,
            s => s == futures.Symbol ? futures.Brackets : KnownLeverageBrackets.TryGet(s, out var known) ? known : null, ct);
        var fills = new FillModel(options.PaperFill);
        var desk = new FuturesDesk(account, new FuturesRiskGate(futures.RiskLimits), fills.TakerFeeRate);
        desk.AddSymbol(futures.Brackets, futures.Leverage, filters);
        var market = new MarketState(new PortfolioAccount(options.InitialQuoteBalance, time.GetUtcNow(), futures.Symbol.QuoteAsset), time, settings.PaperFeeBps);
        market.SetFilters(futures.Symbol, filters);
        var gate = new RiskGate(ExecutorFactory.LimitsFrom(settings), await new KillSwitch(store.SystemState).LoadAsync(ct));
        var kernel = new ExecutionKernel(market, gate, options.Policy) { Futures = desk };
        IFuturesVenue? venue = options.Mode switch
        {
            ExecutionMode.DryRun => null,
            ExecutionMode.Paper => new PaperFuturesVenue(await PaperBookAsync(account, fills, filters, ct)),
            _ => new ExchangeFuturesVenue(client!, account, futures.Brackets, fills.TakerFeeRate),
        };
        return new FuturesExecutor(store, kernel, venue, futures, options, time, logger);
    }

    /// <summary>The backtest's futures book; after a restart its funding resumes after the last settlement stored.</summary>
    private async Task<SimulatedFuturesBook> PaperBookAsync(FuturesAccount account, FillModel fills, SymbolFilters filters, CancellationToken ct)
    {
        var book = new SimulatedFuturesBook(account, fills, filters, futures.Brackets, futures.Funding);
        var settled = (await store.Futures.ListFundingAsync(ct)).Where(f => f.Symbol == futures.Symbol).Select(f => f.Time).DefaultIfEmpty().Max();
        if (settled != default) book.StartFundingAt(settled.ToUnixTimeMilliseconds() + 1);
        return book;
    }
}
