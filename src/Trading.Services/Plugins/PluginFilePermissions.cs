using System.Runtime.Versioning;

namespace Trading.Services.Plugins;

/// <summary>A plugin runs with the platform's permissions, so a file (or folder) that other users may write is refused.</summary>
public static class PluginFilePermissions
{
    public static string? Problem(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (IsWorldWritable(path)) return $"{path}: refused: other users may write this file (chmod o-w {path}); a plugin runs with the platform's permissions.";
        if (directory is not null && IsWorldWritable(directory) && !IsSticky(directory))
            return $"{path}: refused: other users may write its folder (chmod o-w {directory}); a plugin runs with the platform's permissions.";
        return null;
    }

    [UnsupportedOSPlatform("windows")]
    private static bool IsWorldWritable(string path) => (File.GetUnixFileMode(path) & UnixFileMode.OtherWrite) != 0;

    [UnsupportedOSPlatform("windows")]
    private static bool IsSticky(string path) => (File.GetUnixFileMode(path) & UnixFileMode.StickyBit) != 0;
}
