using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Npgsql;
using Trading.Core.Model;
using Trading.Storage.Sqlite;

namespace Trading.Storage.Postgres;

/// <summary>
/// Binary COPY of candle rows into a table with the candles column layout (optionally led by a sequence column).
/// Rows are encoded straight into PostgreSQL's binary COPY format and streamed through Npgsql's raw COPY stream,
/// which skips Npgsql's per-value converter lookup and its decimal-to-numeric conversion.
/// </summary>
internal static class CandleCopy
{
    public const string Columns = "symbol, timeframe, open_time, close_time, open, high, low, close, volume, quote_volume, trade_count, market";

    private const int BufferSize = 1 << 16;
    private const int MaxFixedRowBytes = 2 + (13 * 4) + (3 * 8) + (6 * PostgresNumeric.MaxBytes) + 8 + 16;
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];

    public static async Task WriteAsync(
        NpgsqlConnection connection, string table, MarketType market, IReadOnlyList<Candle> candles, bool withSequence, CancellationToken ct)
    {
        var columns = withSequence ? "seq, " + Columns : Columns;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var stream = await connection.BeginRawBinaryCopyAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        try
        {
            var encoder = new RowEncoder(withSequence, Encoding.UTF8.GetBytes(MarketNames.Name(market)));
            var at = WriteHeader(buffer);
            for (var i = 0; i < candles.Count; i++)
            {
                var candle = candles[i];
                if (buffer.Length - at < MaxFixedRowBytes + encoder.TextBytes(candle))
                {
                    await stream.WriteAsync(buffer.AsMemory(0, at), ct);
                    at = 0;
                }
                at += encoder.Write(buffer.AsSpan(at), i, candle);
            }
            BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(at), -1);
            await stream.WriteAsync(buffer.AsMemory(0, at + 2), ct);
        }
        catch
        {
            await stream.CancelAsync();
            await stream.DisposeAsync();
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
        ArrayPool<byte>.Shared.Return(buffer);
        await stream.DisposeAsync(); // ends the COPY; a server-side error (e.g. a duplicate key) is thrown here
    }

    private static int WriteHeader(Span<byte> buffer)
    {
        Signature.CopyTo(buffer);
        BinaryPrimitives.WriteInt32BigEndian(buffer[11..], 0); // flags
        BinaryPrimitives.WriteInt32BigEndian(buffer[15..], 0); // header extension length
        return 19;
    }

    /// <summary>Validates and encodes one row at a time, keeping the UTF-8 bytes of the current symbol and timeframe.</summary>
    private sealed class RowEncoder(bool withSequence, byte[] marketBytes)
    {
        private Symbol symbol;
        private Timeframe timeframe;
        private byte[] symbolBytes = [];
        private byte[] timeframeBytes = [];

        public int TextBytes(in Candle c)
        {
            if (symbolBytes.Length == 0 || c.Symbol != symbol)
            {
                symbol = c.Symbol;
                symbolBytes = Encoding.UTF8.GetBytes(c.Symbol.Name);
            }
            if (timeframeBytes.Length == 0 || c.Timeframe != timeframe)
            {
                timeframe = c.Timeframe;
                timeframeBytes = Encoding.UTF8.GetBytes(c.Timeframe.Name);
            }
            return symbolBytes.Length + timeframeBytes.Length + marketBytes.Length;
        }

        /// <summary>Call <see cref="TextBytes"/> for the same candle first.</summary>
        public int Write(Span<byte> row, long sequence, in Candle c)
        {
            ScaledCandle.Validate(c);
            BinaryPrimitives.WriteInt16BigEndian(row, (short)(withSequence ? 13 : 12));
            var at = 2;
            if (withSequence) at += Int64(row[at..], sequence);
            at += Bytes(row[at..], symbolBytes);
            at += Bytes(row[at..], timeframeBytes);
            at += Int64(row[at..], c.OpenTimeMs);
            at += Int64(row[at..], c.CloseTimeMs);
            at += Numeric(row[at..], c.Open);
            at += Numeric(row[at..], c.High);
            at += Numeric(row[at..], c.Low);
            at += Numeric(row[at..], c.Close);
            at += Numeric(row[at..], c.Volume);
            at += c.QuoteVolume is { } quote ? Numeric(row[at..], quote) : Null(row[at..]);
            at += c.TradeCount is { } trades ? Int64(row[at..], trades) : Null(row[at..]);
            at += Bytes(row[at..], marketBytes);
            return at;
        }

        private static int Int64(Span<byte> field, long value)
        {
            BinaryPrimitives.WriteInt32BigEndian(field, 8);
            BinaryPrimitives.WriteInt64BigEndian(field[4..], value);
            return 12;
        }

        private static int Bytes(Span<byte> field, byte[] value)
        {
            BinaryPrimitives.WriteInt32BigEndian(field, value.Length);
            value.CopyTo(field[4..]);
            return 4 + value.Length;
        }

        private static int Numeric(Span<byte> field, decimal value)
        {
            var length = PostgresNumeric.Write(field[4..], value);
            BinaryPrimitives.WriteInt32BigEndian(field, length);
            return 4 + length;
        }

        private static int Null(Span<byte> field)
        {
            BinaryPrimitives.WriteInt32BigEndian(field, -1);
            return 4;
        }
    }
}
