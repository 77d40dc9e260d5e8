using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using Trading.Core.Model;
using Trading.TestInfrastructure.Servers;

namespace Trading.Benchmarks;

/// <summary>
/// The reference figure: psql's \copy of the same candles from a CSV file into a table shaped like the spot candles
/// (spot_candles: its key, and the market column, which takes its default 'spot').
/// </summary>
internal sealed class PsqlCopyBaseline(PostgresServer server, string connectionString)
{
    private const string Columns = "symbol, timeframe, open_time, close_time, open, high, low, close, volume, quote_volume, trade_count";

    public async Task<TimeSpan> MeasureAsync(Candle[] candles, bool partitioned)
    {
        var csv = Path.Combine(server.RootDirectory, "candles.csv");
        if (!File.Exists(csv)) await WriteCsvAsync(csv, candles);
        var table = partitioned ? "candles_ref" : "candles_ref_plain";
        await ExecuteAsync($"""
            DROP TABLE IF EXISTS {table};
            CREATE TABLE {table} (LIKE spot_candles INCLUDING ALL) {(partitioned ? "PARTITION BY LIST (symbol)" : "")};
            """);
        if (partitioned)
        {
            await ExecuteAsync($"""
                CREATE TABLE {table}_btcusdt PARTITION OF {table} FOR VALUES IN ('BTCUSDT') PARTITION BY LIST (timeframe);
                CREATE TABLE {table}_btcusdt_1m PARTITION OF {table}_btcusdt FOR VALUES IN ('1m');
                """);
        }
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        var watch = Stopwatch.StartNew();
        await ExternalProcess.RunAsync(Path.Combine(server.BinDirectory, "psql"),
            ["-h", "127.0.0.1", "-p", $"{server.Port}", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1",
             "-c", $"\\copy {table} ({Columns}) FROM '{csv}' WITH (FORMAT csv)"]);
        return watch.Elapsed;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task WriteCsvAsync(string path, Candle[] candles)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        var c = CultureInfo.InvariantCulture;
        foreach (var k in candles)
        {
            await writer.WriteLineAsync(string.Create(c,
                $"{k.Symbol.Name},{k.Timeframe.Name},{k.OpenTimeMs},{k.CloseTimeMs},{k.Open},{k.High},{k.Low},{k.Close},{k.Volume},{k.QuoteVolume},{k.TradeCount}"));
        }
    }
}
