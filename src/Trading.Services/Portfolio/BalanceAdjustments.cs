using System.Text.Json;
using Trading.Core.Portfolio;
using Trading.Core.Storage;

namespace Trading.Services.Portfolio;

/// <summary>
/// A change of an asset that is no trade: a deposit or withdrawal from the user data stream, or a reconciliation fix.
/// <see cref="Price"/> values a base asset (its cost basis); 0 when no price was known.
/// </summary>
public sealed record BalanceAdjustment(string Id, string Asset, decimal Delta, decimal Price, DateTimeOffset Time, string Reason)
{
    public bool ApplyTo(PortfolioAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.Adjust(Id, Asset, Delta, Price, Time);
    }
}

/// <summary>
/// The adjustments, kept in the system state (key <see cref="Key"/>) so that the portfolio rebuilt from stored fills after a
/// restart still ends at the exchange's balances. Appends are serialised within the process.
/// </summary>
public sealed class BalanceAdjustments(ISystemStateStore state)
{
    public const string Key = "portfolio.balance_adjustments";
    private static readonly SemaphoreSlim Serial = new(1, 1);

    public async Task<IReadOnlyList<BalanceAdjustment>> LoadAsync(CancellationToken ct = default)
    {
        var json = await state.GetAsync(Key, ct);
        var all = string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<List<BalanceAdjustment>>(json);
        return all is null ? [] : [.. all.OrderBy(a => a.Time)];
    }

    /// <summary>Stores the adjustment once (an id seen before is ignored); true when it was new.</summary>
    public async Task<bool> AppendAsync(BalanceAdjustment adjustment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(adjustment);
        await Serial.WaitAsync(ct);
        try
        {
            var all = (await LoadAsync(ct)).ToList();
            if (all.Any(a => a.Id == adjustment.Id)) return false;
            all.Add(adjustment);
            await state.SetAsync(Key, JsonSerializer.Serialize(all), ct);
            return true;
        }
        finally
        {
            Serial.Release();
        }
    }

    /// <summary>Books every stored adjustment the account has not seen yet; how many were new.</summary>
    public async Task<int> CatchUpAsync(PortfolioAccount account, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var applied = 0;
        foreach (var a in await LoadAsync(ct))
            if (a.ApplyTo(account)) applied++;
        return applied;
    }
}
