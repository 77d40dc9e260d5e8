namespace Trading.Binance.Simulator.Matching;

/// <summary>Free and locked balances per asset; mutated only under the exchange's lock.</summary>
public sealed class SimulatedAccount
{
    private readonly Dictionary<string, (decimal Free, decimal Locked)> _balances = new(StringComparer.Ordinal);

    public SimulatedAccount(IReadOnlyDictionary<string, decimal> starting)
    {
        foreach (var (asset, amount) in starting) _balances[asset] = (amount, 0m);
    }

    public long UpdateTimeMs { get; set; }

    public decimal Free(string asset) => _balances.GetValueOrDefault(asset).Free;

    public decimal Locked(string asset) => _balances.GetValueOrDefault(asset).Locked;

    public IReadOnlyList<SimulatedBalance> Snapshot() =>
        _balances.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => new SimulatedBalance(b.Key, b.Value.Free, b.Value.Locked)).ToList();

    public SimulatedBalance Balance(string asset) => new(asset, Free(asset), Locked(asset));

    public void AddFree(string asset, decimal delta) => Set(asset, Free(asset) + delta, Locked(asset));

    public void Lock(string asset, decimal amount) => Set(asset, Free(asset) - amount, Locked(asset) + amount);

    public void Unlock(string asset, decimal amount) => Set(asset, Free(asset) + amount, Locked(asset) - amount);

    public void SpendLocked(string asset, decimal amount) => Set(asset, Free(asset), Locked(asset) - amount);

    private void Set(string asset, decimal free, decimal locked)
    {
        if (free < 0 || locked < 0)
            throw new InvalidOperationException($"Simulator bug: {asset} balance would go negative (free {free}, locked {locked}).");
        _balances[asset] = (free, locked);
    }
}

public sealed record SimulatedBalance(string Asset, decimal Free, decimal Locked);
