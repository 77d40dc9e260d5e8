using System.Text;
using Trading.Storage;

namespace Trading.Cli;

/// <summary>
/// Checks an <c>--html</c> output path before any work: it may be a new file in an existing directory, or an earlier HTML
/// report; never a directory, the store or any other existing file (a database, a config file).
/// </summary>
public static class HtmlOutputPath
{
    private static readonly string[] StoreSuffixes = ["", "-wal", "-shm", "-journal"];

    /// <summary>The reason the report may not be written to <paramref name="path"/>, or null when it may.</summary>
    public static string? Problem(string path, string? sqliteDataDir)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(path)) return "--html needs a file name, such as report.html";
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"--html '{path}' is not a valid path";
        }
        if (Directory.Exists(full)) return $"--html '{path}' is a directory; give a file name, such as {Path.Combine(path, "report.html")}";
        var directory = Path.GetDirectoryName(full);
        if (directory is not null && !Directory.Exists(directory)) return $"--html '{path}': the directory {directory} does not exist";
        var target = File.Exists(full) ? File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full : full;
        if (IsStoreFile(target, sqliteDataDir)) return $"--html '{path}' is the store; choose another file";
        if (File.Exists(target) && !LooksLikeHtml(target)) return $"--html '{path}' exists and is not an HTML report; it is left alone";
        return null;
    }

    private static bool IsStoreFile(string fullPath, string? sqliteDataDir)
    {
        if (string.IsNullOrWhiteSpace(sqliteDataDir)) return false;
        var store = Path.GetFullPath(Path.Combine(sqliteDataDir, TradingStoreFactory.SqliteFileName));
        return StoreSuffixes.Any(suffix => string.Equals(fullPath, store + suffix, StringComparison.Ordinal));
    }

    private static bool LooksLikeHtml(string fullPath)
    {
        var buffer = new byte[256];
        int read;
        using (var file = File.OpenRead(fullPath)) read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var start = Encoding.UTF8.GetString(buffer, 0, read).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return start.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }
}
