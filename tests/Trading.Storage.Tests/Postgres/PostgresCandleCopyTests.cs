using System.Globalization;
using Npgsql;
using Shouldly;
using Trading.Core.Model;
using Trading.TestInfrastructure.Servers;

namespace Trading.Storage.Tests.Postgres;

/// <summary>The store's own binary COPY encoding, checked against PostgreSQL's text rendering of what it stored.</summary>
public sealed class PostgresCandleCopyTests(PostgresServerFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UpsertAsync_DecimalsOfEveryShape_StoredWithTheSameDigitsAndScale()
    {
        decimal[] prices = [0.00012345m, 42000.10m, 1m, 10000m, 0.1m, 123456789.123456789012m, 99999.99999999m,
            79_228_162_514.264337593543950335m, 7_922_816_251_426_433_759_354_395_033.5m, 0.0000000000000000000000000001m];
        decimal[] volumes = [0m, 0.00000000m, 12.5000m, 1_000_000_000_000m, 0.000001m, 3m, 10_000.0001m, 1m, 2m, 5m];
        var symbol = new Symbol("BTCUSDT");
        var candles = prices.Select((p, i) => new Candle(symbol, Timeframe.M1, i * 60_000L, p, p, p, p, volumes[i])
        {
            QuoteVolume = i % 2 == 0 ? null : volumes[i] * 2, TradeCount = i % 3 == 0 ? null : i * 1_000_000_007L,
        }).ToArray();
        var url = await postgres.CreateDatabaseAsync("copy");
        await using (var store = await TradingStoreFactory.OpenAsync(url, "/nonexistent-unused-by-postgres", Ct))
            (await store.Candles.UpsertAsync(candles, Ct)).ShouldBe(candles.Length);

        var stored = await ReadAsTextAsync(url);

        stored.ShouldBe(candles.Select(c => (c.OpenTimeMs, Text(c.Open), Text(c.Volume), c.QuoteVolume is { } q ? Text(q) : null,
            c.TradeCount?.ToString(CultureInfo.InvariantCulture))).ToList());
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<List<(long, string, string, string?, string?)>> ReadAsTextAsync(string url)
    {
        await using var connection = new NpgsqlConnection(url);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT open_time, open::text, volume::text, quote_volume::text, trade_count::text FROM candles ORDER BY open_time", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<(long, string, string, string?, string?)>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return rows;
    }
}
