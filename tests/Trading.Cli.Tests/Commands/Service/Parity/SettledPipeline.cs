using Trading.Binance.Simulator;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Service.Parity;

/// <summary>
/// Steps the simulator's replay so that a run does not depend on timing: bar k is streamed only once the platform has
/// settled on bar k-1, i.e. each earlier candle has its signal (the flip strategy signals on every candle), every signal has
/// its risk decision and, when allowed, its order in a final state at the exchange and in the store, and the stored position
/// equals the exchange's balance. A market order therefore always meets the simulator on the bar after its candle, and the
/// strategy always sees the position of every earlier fill, in one process or across five.
/// </summary>
internal sealed class SettledPipeline(Func<BinanceSimulator> simulator, Func<ITradingStore> store)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private int _barsStreamed;

    /// <summary>For SimulatorOptions.BeforeEachBar.</summary>
    public async Task BeforeEachBarAsync(CancellationToken ct)
    {
        if (_barsStreamed > 0) await TestWait.UntilAsync(() => IsSettledAsync(_barsStreamed, ct), Patience, ct);
        _barsStreamed++;
    }

    /// <summary>True once the first <paramref name="bars"/> candles have each been signalled, decided, ordered and booked.</summary>
    public async Task<bool> IsSettledAsync(int bars, CancellationToken ct)
    {
        var signals = await store().Signals.ListAsync(null, 10_000, ct);
        if (signals.Count < bars) return false;
        var decisions = await store().RiskDecisions.ListAsync(limit: 10_000, ct: ct);
        var orders = await store().Orders.ListAsync(limit: 10_000, ct: ct);
        foreach (var signal in signals)
        {
            var decided = decisions.Where(d => d.SignalId == signal.Id).ToList();
            if (decided.Count == 0) return false;
            if (decided.Any(d => d.Allowed) && !orders.Any(o => o.SignalId == signal.Id && !o.IsOpen && o.Status != OrderStatus.Created)) return false;
        }
        if (simulator().Exchange.Orders.Any(o => o.IsOpen)) return false;
        return await ParityOutcome.StoredBtcAsync(store(), ct) == ParityOutcome.ExchangeBtc(simulator());
    }
}
