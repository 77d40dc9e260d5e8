using System.Buffers;

namespace Trading.Core.Data;

public delegate void Utf8LineHandler(ReadOnlySpan<byte> line, long lineNumber);

/// <summary>
/// Reads a UTF-8 stream line by line through one pooled buffer: no allocation per line, and memory bounded whatever the
/// stream holds. A line longer than the limit is not buffered: it is reported by number and skipped up to its newline.
/// </summary>
public static class Utf8LineReader
{
    /// <summary>Far longer than any kline or trade row (under 300 bytes), far shorter than the buffer.</summary>
    public const int DefaultMaxLineBytes = 64 * 1024;

    private const int BufferSize = 1 << 20;

    /// <summary>
    /// Calls <paramref name="handler"/> for every line (1-based numbers, without the newline, BOM removed), and
    /// <paramref name="tooLong"/> instead for a line over <paramref name="maxLineBytes"/>.
    /// </summary>
    public static void ForEachLine(Stream stream, Utf8LineHandler handler, Action<long> tooLong, int maxLineBytes = DefaultMaxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(tooLong);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(maxLineBytes, BufferSize);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var filled = 0;
            long lineNumber = 0;
            var skipping = false;
            var atEnd = false;
            while (!atEnd)
            {
                var read = stream.Read(buffer, filled, buffer.Length - filled);
                atEnd = read == 0;
                filled += read;
                var start = 0;
                if (skipping)
                {
                    var newline = buffer.AsSpan(0, filled).IndexOf((byte)'\n');
                    if (newline < 0)
                    {
                        filled = 0;
                        continue;
                    }
                    start = newline + 1;
                    skipping = false;
                }
                var consumed = start + EmitLines(buffer.AsSpan(start, filled - start), atEnd, maxLineBytes, ref lineNumber, handler, tooLong);
                if (filled - consumed > maxLineBytes)
                {
                    tooLong(++lineNumber);
                    skipping = true;
                    consumed = filled;
                }
                Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                filled -= consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int EmitLines(ReadOnlySpan<byte> data, bool atEnd, int maxLineBytes, ref long lineNumber, Utf8LineHandler handler, Action<long> tooLong)
    {
        var consumed = 0;
        while (consumed < data.Length)
        {
            var rest = data[consumed..];
            var newline = rest.IndexOf((byte)'\n');
            if (newline < 0 && !atEnd) break;
            var line = newline < 0 ? rest : rest[..newline];
            consumed += newline < 0 ? rest.Length : newline + 1;
            lineNumber++;
            if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
            if (lineNumber == 1 && line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) line = line[3..];
            if (line.Length > maxLineBytes) tooLong(lineNumber);
            else handler(line, lineNumber);
        }
        return consumed;
    }
}
