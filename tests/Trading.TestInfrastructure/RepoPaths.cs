namespace Trading.TestInfrastructure;

/// <summary>Locates the repository root and the shared real market data beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/data from the repository root.</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    public static string SharedBinance => Path.GetFullPath(Path.Combine(Root, "..", "shared", "binance"));

    public static string BtcUsdt1mDir => Path.Combine(SharedData, "binance-spot", "klines", "BTCUSDT", "1m");

    public static string BtcUsdt1hDir => Path.Combine(SharedData, "binance-spot", "klines", "BTCUSDT", "1h");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Trading.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find Trading.slnx above the test binaries.");
    }
}
