using System.Buffers;

namespace Trading.Core.Storage;

/// <summary>
/// A bot's name (its id) reaches logs, tables and file names: 1 to <see cref="MaxLength"/> characters of letters, digits,
/// '.', '_' and '-'. Anything else (empty, newlines, escape sequences) is refused.
/// </summary>
public static class BotNames
{
    public const int MaxLength = 64;

    private static readonly SearchValues<char> Allowed = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= MaxLength && !name.AsSpan().ContainsAnyExcept(Allowed);

    /// <summary>Why <paramref name="name"/> is refused, quoting it safely (no control characters, at most 64 characters); null when valid.</summary>
    public static string? Problem(string? name)
    {
        if (IsValid(name)) return null;
        if (string.IsNullOrEmpty(name)) return "the bot name is empty: use 1 to 64 letters, digits, '.', '_' or '-'";
        var shown = new string(name.Take(MaxLength).Select(c => char.IsControl(c) ? '?' : c).ToArray()) + (name.Length > MaxLength ? "…" : "");
        return name.Length > MaxLength
            ? $"bot name '{shown}' is {name.Length} characters long: use at most {MaxLength}"
            : $"bot name '{shown}' is invalid: use only letters, digits, '.', '_' or '-'";
    }
}
