using System.Buffers;

namespace Trading.Core.Data;

public delegate void Utf8LineHandler(ReadOnlySpan<byte> line, long lineNumber);

/// <summary>Reads a UTF-8 stream line by line through a pooled buffer: no allocation per line.</summary>
public static class Utf8LineReader
{
    private const int InitialBufferSize = 1 << 20;

    /// <summary>Calls <paramref name="handler"/> for every line (1-based numbers, without the newline, BOM removed).</summary>
    public static void ForEachLine(Stream stream, Utf8LineHandler handler)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(handler);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        try
        {
            var filled = 0;
            long lineNumber = 0;
            var atEnd = false;
            while (!atEnd)
            {
                if (filled == buffer.Length) buffer = Grow(buffer, filled);
                var read = stream.Read(buffer, filled, buffer.Length - filled);
                atEnd = read == 0;
                filled += read;
                var consumed = EmitLines(buffer.AsSpan(0, filled), atEnd, ref lineNumber, handler);
                Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                filled -= consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int EmitLines(ReadOnlySpan<byte> data, bool atEnd, ref long lineNumber, Utf8LineHandler handler)
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
            handler(line, lineNumber);
        }
        return consumed;
    }

    private static byte[] Grow(byte[] buffer, int filled)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        Buffer.BlockCopy(buffer, 0, bigger, 0, filled);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }
}
