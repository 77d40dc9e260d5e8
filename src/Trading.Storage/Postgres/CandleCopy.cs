using Npgsql;
using Trading.Core.Model;

namespace Trading.Storage.Postgres;

/// <summary>Binary COPY of candle rows into a table with the candles column layout (optionally led by a sequence column).</summary>
internal static class CandleCopy
{
    public const string Columns = "symbol, timeframe, open_time, close_time, open, high, low, close, volume, quote_volume, trade_count";

    public static async Task WriteAsync(NpgsqlConnection connection, string table, IReadOnlyList<Candle> candles, bool withSequence, CancellationToken ct)
    {
        var columns = withSequence ? "seq, " + Columns : Columns;
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        for (var i = 0; i < candles.Count; i++)
        {
            var c = candles[i];
            importer.StartRow();
            if (withSequence) importer.Write((long)i);
            importer.Write(c.Symbol.Name);
            importer.Write(c.Timeframe.Name);
            importer.Write(c.OpenTimeMs);
            importer.Write(c.CloseTimeMs);
            importer.Write(c.Open);
            importer.Write(c.High);
            importer.Write(c.Low);
            importer.Write(c.Close);
            importer.Write(c.Volume);
            if (c.QuoteVolume is { } quote) importer.Write(quote);
            else importer.WriteNull();
            if (c.TradeCount is { } trades) importer.Write(trades);
            else importer.WriteNull();
        }
        await importer.CompleteAsync(ct);
    }
}
