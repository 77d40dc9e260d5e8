using System.Text;
using Shouldly;
using Trading.Core.Data;

namespace Trading.Core.Tests.Data;

public sealed class Utf8LineReaderTests
{
    [Fact]
    public void ForEachLine_LineOverTheLimit_ReportedSkippedAndTheNextLinesRead()
    {
        var text = $"a,b\n{new string('x', 5_000)}\nc,d\n{new string('y', 5_000)}";
        var lines = new List<(long, string)>();
        var tooLong = new List<long>();

        Utf8LineReader.ForEachLine(new MemoryStream(Encoding.UTF8.GetBytes(text)),
            (line, number) => lines.Add((number, Encoding.UTF8.GetString(line))), tooLong.Add, maxLineBytes: 1_000);

        lines.ShouldBe([(1, "a,b"), (3, "c,d")]);
        tooLong.ShouldBe([2, 4]);
    }

    [Fact]
    public void ForEachLine_HugeStreamWithoutNewline_OneReportAndBoundedMemory()
    {
        var tooLong = new List<long>();
        var before = GC.GetAllocatedBytesForCurrentThread();

        Utf8LineReader.ForEachLine(new EndlessBytes(64L << 20), (_, _) => throw new InvalidOperationException("no line fits"), tooLong.Add);

        tooLong.ShouldBe([1]);
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(4L << 20, "the reader buffers at most one block, never the line");
    }

    /// <summary>A read-only stream of <paramref name="length"/> 'x' bytes, generated as it is read.</summary>
    private sealed class EndlessBytes(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            buffer.AsSpan(offset, n).Fill((byte)'x');
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
