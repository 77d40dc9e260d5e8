using System.Runtime.InteropServices;

namespace Trading.Storage.Sqlite;

/// <summary>
/// Direct entry points into the same e_sqlite3 library that SQLitePCL loads, for the per-row calls of bulk candle
/// writes and reads. They take the raw statement pointer (kept alive by its SQLitePCL SafeHandle) and skip the GC
/// transition, which SQLite's bind and column accessors are short enough to allow.
/// </summary>
internal static partial class SqliteNative
{
    private const string Library = "e_sqlite3";

    [LibraryImport(Library), SuppressGCTransition, DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int sqlite3_bind_int64(nint statement, int index, long value);

    [LibraryImport(Library), SuppressGCTransition, DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int sqlite3_bind_null(nint statement, int index);

    [LibraryImport(Library), DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int sqlite3_step(nint statement);

    [LibraryImport(Library), SuppressGCTransition, DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int sqlite3_reset(nint statement);

    [LibraryImport(Library), SuppressGCTransition, DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial long sqlite3_column_int64(nint statement, int column);

    [LibraryImport(Library), SuppressGCTransition, DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int sqlite3_column_type(nint statement, int column);

    [LibraryImport(Library), SuppressGCTransition, DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial nint sqlite3_db_mutex(nint db);

    /// <summary>The connection mutex is recursive: holding it across a row's calls makes their own enter/leave nearly free.</summary>
    [LibraryImport(Library), DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial void sqlite3_mutex_enter(nint mutex);

    [LibraryImport(Library), SuppressGCTransition, DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial void sqlite3_mutex_leave(nint mutex);
}
