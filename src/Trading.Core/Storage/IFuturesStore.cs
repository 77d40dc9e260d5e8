namespace Trading.Core.Storage;

/// <summary>USDⓈ-M bots' orders, fills, funding payments, open positions and wallet (docs/futures.md, "Bots").</summary>
public interface IFuturesStore
{
    /// <summary>Stores one step's bookings atomically; a fill or funding payment already stored is kept as it is.</summary>
    Task SaveAsync(FuturesBooking booking, CancellationToken ct = default);

    Task<FuturesOrderRecord?> GetOrderAsync(string id, CancellationToken ct = default);

    /// <summary>Orders by creation time, oldest first.</summary>
    Task<IReadOnlyList<FuturesOrderRecord>> ListOrdersAsync(CancellationToken ct = default);

    /// <summary>Fills in booking order (time, then id).</summary>
    Task<IReadOnlyList<FuturesFillRecord>> ListFillsAsync(CancellationToken ct = default);

    Task<IReadOnlyList<FundingRecord>> ListFundingAsync(CancellationToken ct = default);

    Task<IReadOnlyList<FuturesPositionRecord>> ListPositionsAsync(CancellationToken ct = default);

    /// <summary>The USDT wallet balance last booked; null before the first booking.</summary>
    Task<decimal?> GetWalletBalanceAsync(CancellationToken ct = default);
}
