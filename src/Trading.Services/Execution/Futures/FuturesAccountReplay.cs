using Trading.Core.Futures;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Services.Execution.Futures;

/// <summary>
/// Rebuilds the USDⓈ-M account from the store, crash-only: the stored fills, liquidations and funding payments booked again
/// in time order (a settlement before the fill at the same instant, as the book settles funding before the candle's fill).
/// </summary>
internal static class FuturesAccountReplay
{
    public static async Task<FuturesAccount> BuildAsync(IFuturesStore store, decimal initialBalance, Func<Symbol, LeverageBrackets?> brackets, CancellationToken ct)
    {
        var account = new FuturesAccount(initialBalance);
        var fills = await store.ListFillsAsync(ct);
        var funding = await store.ListFundingAsync(ct);
        var (i, j) = (0, 0);
        while (i < fills.Count || j < funding.Count)
        {
            if (j < funding.Count && (i >= fills.Count || funding[j].Time <= fills[i].Time)) Settle(account, funding[j++]);
            else Book(account, fills[i++], brackets);
        }
        return account;
    }

    private static void Settle(FuturesAccount account, FundingRecord payment)
    {
        if (account.Find(payment.Symbol, payment.PositionSide) is { } position)
            account.SettleFunding(position, payment.Rate, payment.MarkPrice, payment.Time);
    }

    private static void Book(FuturesAccount account, FuturesFillRecord fill, Func<Symbol, LeverageBrackets?> brackets)
    {
        var position = account.Find(fill.Symbol, fill.PositionSide);
        if (fill.Liquidation)
        {
            if (position is not null) account.Liquidate(position);
        }
        else if (fill.ReduceOnly)
        {
            if (position is not null) account.Reduce(position, Math.Min(fill.Quantity, position.Quantity), fill.Price, fill.Fee);
        }
        else if (brackets(fill.Symbol) is { } known)
        {
            account.Open(fill.Symbol, fill.PositionSide, fill.Side == OrderSide.Buy ? 1 : -1, fill.Quantity, fill.Price, fill.Fee, fill.Leverage, known, fill.Time);
        }
        else
        {
            throw new InvalidDataException($"futures fill {fill.Id} of {fill.Symbol}: no leverage brackets known for the symbol");
        }
    }
}
