using System.Globalization;
using System.Text;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.BadInput;

/// <summary>An existing store for the bad-input cases: two days of ETHUSDT 1m candles (2024-01-01 and -02) and one stored backtest run.</summary>
public sealed class BadInputStore : IAsyncLifetime
{
    public const string Symbol = "ETHUSDT";
    private readonly TempDirectory _dir = new();

    public string DataDir => Path.Combine(_dir.Path, "data");

    public string StoreFile => Path.Combine(DataDir, Storage.TradingStoreFactory.SqliteFileName);

    public async ValueTask InitializeAsync()
    {
        var csv = Path.Combine(_dir.Path, $"{Symbol}-1m-2024-01.csv");
        await File.WriteAllTextAsync(csv, Candles(2 * 1440));
        await Succeed("data", "import", csv, "--data-dir", DataDir);
        await Succeed("backtest", "run", "--strategy", "rsi", "--symbol", Symbol, "--from", "2024-01-01", "--to", "2024-01-01", "--data-dir", DataDir);
    }

    /// <summary>A deterministic walk around 2,300 USDT, one row a minute from 2024-01-01 00:00 UTC.</summary>
    public static string Candles(int count)
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var random = new Random(16);
        var text = new StringBuilder();
        var close = 2300m;
        for (var i = 0; i < count; i++)
        {
            var open = close;
            close = Math.Round(open * (1 + (decimal)(random.NextDouble() - 0.5) / 200), 2);
            var high = Math.Max(open, close) + 0.5m;
            var low = Math.Min(open, close) - 0.5m;
            text.Append(CultureInfo.InvariantCulture, $"{start + i * 60_000L},{open},{high},{low},{close},{random.Next(1, 100)}\n");
        }
        return text.ToString();
    }

    private static async Task Succeed(params string[] args)
    {
        var result = await InProcessCli.RunAsync(args);
        if (result.ExitCode != 0) throw new InvalidOperationException($"{string.Join(' ', args)}: exit {result.ExitCode}: {result.Error}");
    }

    public ValueTask DisposeAsync()
    {
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}
