using System.Globalization;
using System.Text.Json;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Core.Storage;

namespace Trading.Services.Execution;

/// <summary>
/// Persists the armed protective exits (stop-loss and take-profit per symbol) in the system state, so a restarted
/// executor re-arms them before its first candle, and an executor in another process on the same store sees them at its
/// next step: the stored text is the stamp, and a journal reloads only when it differs from what it last wrote or read.
/// </summary>
public sealed class ProtectiveExitJournal(ISystemStateStore state)
{
    public const string Key = "protective_exits";
    private string? _seen;

    public async Task SaveAsync(IReadOnlyDictionary<Symbol, ProtectiveLevels> armed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(armed);
        var rows = armed.ToDictionary(a => a.Key.Name, a => new[] { Text(a.Value.StopLoss), Text(a.Value.TakeProfit) });
        var json = JsonSerializer.Serialize(rows);
        await state.SetAsync(Key, json, ct);
        _seen = json;
    }

    /// <summary>The stored exits when they changed since this journal last wrote or read them, else null.</summary>
    public async Task<IReadOnlyList<(Symbol Symbol, ProtectiveLevels Levels)>?> LoadIfChangedAsync(CancellationToken ct)
    {
        var json = await state.GetAsync(Key, ct) ?? "";
        if (json == _seen) return null;
        _seen = json;
        return Parse(json);
    }

    private static IReadOnlyList<(Symbol Symbol, ProtectiveLevels Levels)> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        var rows = JsonSerializer.Deserialize<Dictionary<string, string?[]>>(json) ?? [];
        return rows.Select(r => (new Symbol(r.Key), new ProtectiveLevels(Number(r.Value.ElementAtOrDefault(0)), Number(r.Value.ElementAtOrDefault(1))))).ToList();
    }

    private static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static decimal? Number(string? text) => text is null ? null : decimal.Parse(text, CultureInfo.InvariantCulture);
}
