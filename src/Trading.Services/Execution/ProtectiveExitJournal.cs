using System.Globalization;
using System.Text.Json;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Core.Storage;

namespace Trading.Services.Execution;

/// <summary>
/// Persists the armed protective exits (stop-loss and take-profit per symbol) in the system state, so a restarted
/// executor re-arms them before its first candle.
/// </summary>
public sealed class ProtectiveExitJournal(ISystemStateStore state)
{
    public const string Key = "protective_exits";

    public Task SaveAsync(IReadOnlyDictionary<Symbol, ProtectiveLevels> armed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(armed);
        var rows = armed.ToDictionary(a => a.Key.Name, a => new[] { Text(a.Value.StopLoss), Text(a.Value.TakeProfit) });
        return state.SetAsync(Key, JsonSerializer.Serialize(rows), ct);
    }

    public async Task<IReadOnlyList<(Symbol Symbol, ProtectiveLevels Levels)>> LoadAsync(CancellationToken ct)
    {
        var json = await state.GetAsync(Key, ct);
        if (string.IsNullOrWhiteSpace(json)) return [];
        var rows = JsonSerializer.Deserialize<Dictionary<string, string?[]>>(json) ?? [];
        return rows.Select(r => (new Symbol(r.Key), new ProtectiveLevels(Number(r.Value.ElementAtOrDefault(0)), Number(r.Value.ElementAtOrDefault(1))))).ToList();
    }

    private static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static decimal? Number(string? text) => text is null ? null : decimal.Parse(text, CultureInfo.InvariantCulture);
}
