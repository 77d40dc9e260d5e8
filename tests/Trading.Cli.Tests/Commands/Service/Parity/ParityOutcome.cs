using System.Globalization;
using Trading.Binance.Simulator;
using Trading.Core.Storage;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Service.Parity;

/// <summary>What a run left behind, as lines that compare and print well: the stored signals, the orders at the exchange
/// (each with its signal's candle and the stored order), the stored positions and the exchange's balances.</summary>
internal sealed record ParityOutcome(IReadOnlyList<string> Signals, IReadOnlyList<string> Orders, IReadOnlyList<string> Positions)
{
    public static async Task<ParityOutcome> ReadAsync(ITradingStore store, BinanceSimulator simulator, CancellationToken ct)
    {
        var signals = (await store.Signals.ListAsync(null, 10_000, ct)).OrderBy(s => s.CreatedAt).ToList();
        var stored = await store.Orders.ListAsync(limit: 10_000, ct: ct);
        var orders = new List<string>();
        foreach (var order in simulator.Exchange.Orders.OrderBy(o => o.OrderId))
        {
            var mine = stored.Single(o => o.ClientOrderId == order.ClientOrderId);
            var candle = signals.Single(s => s.Id == mine.SignalId).CreatedAt;
            var price = order.ExecutedQuantity == 0 ? 0 : order.CumulativeQuote / order.ExecutedQuantity;
            orders.Add(Line($"candle {candle:HH:mm} {order.Side} {order.Type} {order.ExecutedQuantity} @ {price} {order.Status} {order.ClientOrderId}; stored {mine.Status} {mine.FilledQuantity} @ {mine.AverageFillPrice}"));
        }
        var positions = (await store.Portfolio.ListPositionsAsync(ct))
            .Select(p => Line($"{p.Symbol} {p.Quantity} avg {p.AverageEntryPrice} realised {p.RealizedPnl} fees {p.FeesPaid}")).ToList();
        foreach (var asset in new[] { "BTC", "USDT" })
        {
            var balance = simulator.Exchange.Balance(asset);
            positions.Add(Line($"exchange {asset} {balance.Free + balance.Locked}"));
        }
        return new ParityOutcome(
            signals.Select(s => Line($"{s.Id} {s.Side} {s.Quantity} @ {s.Price} at {s.CreatedAt:HH:mm} ({s.Reason})")).ToList(), orders, positions);
    }

    /// <summary>Formats decimals without trailing zeros: PostgreSQL keeps a numeric's scale (0.00200000), SQLite does not.</summary>
    private static string Line(FormattableString text) =>
        string.Format(CultureInfo.InvariantCulture, text.Format, text.GetArguments().Select(a => a is decimal d ? d.ToString("0.############################", CultureInfo.InvariantCulture) : a).ToArray());

    public static decimal ExchangeBtc(BinanceSimulator simulator)
    {
        var btc = simulator.Exchange.Balance("BTC");
        return btc.Free + btc.Locked;
    }

    public static async Task<decimal> StoredBtcAsync(ITradingStore store, CancellationToken ct) =>
        (await store.Portfolio.ListPositionsAsync(ct)).Where(p => p.Symbol == TestCandles.BtcUsdt).Sum(p => p.Quantity);
}
