using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.BadInput.Fuzz;

/// <summary>
/// The prepared machine every fuzz vector runs on: a scratch folder as the working directory, holding the
/// <see cref="BadInputFiles"/>, one day of ETHUSDT 1m candles and a store at ./data. <see cref="Reset"/> puts back the
/// store and the folder after a vector that was allowed to change them, so each vector starts from the same state.
/// </summary>
internal sealed class FuzzMachine : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly string _previousDirectory = Directory.GetCurrentDirectory();
    private string _pristineStore = "";
    private HashSet<string> _entries = [];

    /// <summary>Three levels down, so a garbage path such as ../../etc/passwd stays inside the temporary folder.</summary>
    public string Dir => Path.Combine(_root.Path, "a", "b", "work");

    public string DataDir => Path.Combine(Dir, "data");

    public string StoreHash { get; private set; } = "";

    private string StoreFile => Path.Combine(DataDir, Storage.TradingStoreFactory.SqliteFileName);

    public async Task PrepareAsync()
    {
        Directory.CreateDirectory(Dir);
        BadInputFiles.WriteTo(Dir);
        var csv = Path.Combine(Dir, "ETHUSDT-1m-2024-01-01.csv");
        await File.WriteAllTextAsync(csv, BadInputStore.Candles(1440));
        var import = await InProcessCli.RunAsync(["data", "import", csv, "--data-dir", DataDir]);
        if (import.ExitCode != 0) throw new InvalidOperationException(import.Error);
        _pristineStore = Path.Combine(_root.Path, "pristine.db");
        File.Copy(StoreFile, _pristineStore);
        StoreHash = StoreFingerprint.Of(DataDir);
        _entries = Entries();
        Directory.SetCurrentDirectory(Dir);
    }

    /// <summary>Files and folders a vector added to the machine (the store's own journal files aside).</summary>
    public IReadOnlyList<string> NewEntries() => [.. Entries().Except(_entries).Where(e => !e.StartsWith(StoreFile, StringComparison.Ordinal))];

    public void Reset()
    {
        foreach (var entry in Entries().Except(_entries).OrderByDescending(e => e.Length))
        {
            if (File.Exists(entry)) File.Delete(entry);
            else if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true);
        }
        Directory.CreateDirectory(DataDir);
        File.Copy(_pristineStore, StoreFile, overwrite: true);
    }

    private HashSet<string> Entries() => [.. Directory.EnumerateFileSystemEntries(_root.Path, "*", SearchOption.AllDirectories)];

    public void Dispose()
    {
        Directory.SetCurrentDirectory(_previousDirectory);
        _root.Dispose();
    }
}
