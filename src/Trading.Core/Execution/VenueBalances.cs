namespace Trading.Core.Execution;

/// <summary>An account's balances at a venue, per asset.</summary>
public sealed record VenueBalances(IReadOnlyDictionary<string, VenueBalance> Assets)
{
    public VenueBalance Balance(string asset) => Assets.GetValueOrDefault(asset) ?? new VenueBalance(asset, 0m, 0m);
}

/// <summary>Free and locked (in open orders) amounts of one asset.</summary>
public sealed record VenueBalance(string Asset, decimal Free, decimal Locked)
{
    public decimal Total => Free + Locked;
}
