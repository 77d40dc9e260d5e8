namespace Trading.Cli.Tests.BadInput;

/// <summary>The files the bad-input cases point at, written into each case's scratch folder.</summary>
internal static class BadInputFiles
{
    public static readonly IReadOnlyDictionary<string, string> Contents = new Dictionary<string, string>
    {
        ["BTCUSDT-1m-empty.csv"] = "",
        ["BTCUSDT-1m-header.csv"] = "timestamp,open,high,low,close,volume\n",
        ["BTCUSDT-1m-three-columns.csv"] = "1704067200000,1,2\n1704067260000,1,2\n",
        ["BTCUSDT-1m-out-of-range.csv"] = "timestamp,open,high,low,close,volume\n9223372036854760000,1,2,0.5,1.5,10\n",
        ["BTCUSDT-1m-negative.csv"] = "1704067200000,-1,2,0.5,1.5,10\n",
        ["notes.txt"] = "not market data\n",
        ["config/settings.yaml"] = "# a config file\n",
        ["BTCUSDT-aggTrades-2024-01-01.csv"] = "",
        ["sub/.keep"] = "",
    };

    public static void WriteTo(string dir)
    {
        foreach (var (name, content) in Contents)
        {
            var path = Path.Combine(dir, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }
    }
}
