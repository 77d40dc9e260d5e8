namespace Trading.Binance.Orders;

/// <summary>The spot account: balances per asset and the commission rates (fractions, e.g. 0.001 = 10 bps).</summary>
public sealed record ExchangeAccount(
    IReadOnlyDictionary<string, AssetBalance> Balances,
    decimal MakerCommissionRate,
    decimal TakerCommissionRate,
    bool CanTrade,
    long UpdateTimeMs)
{
    public AssetBalance Balance(string asset) => Balances.GetValueOrDefault(asset) ?? new AssetBalance(asset, 0m, 0m);
}

/// <summary>Free and locked (in open orders) amounts of one asset.</summary>
public sealed record AssetBalance(string Asset, decimal Free, decimal Locked)
{
    public decimal Total => Free + Locked;
}
