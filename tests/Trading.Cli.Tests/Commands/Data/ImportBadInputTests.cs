using Shouldly;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Data;

/// <summary>Files that parse as files but hold no usable row: each is one <c>error:</c> line and exit 1, never a stack trace.</summary>
public sealed class ImportBadInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("empty", "", "the files hold no rows")]
    [InlineData("header", "timestamp,open,high,low,close,volume\n", "the files hold no rows")]
    [InlineData("three-columns", "1704067200000,1,2\n1704067260000,1,2\n", "expected at least 6 fields")]
    [InlineData("out-of-range", "timestamp,open,high,low,close,volume\n9223372036854760000,1,2,0.5,1.5,10\n", "out-of-range.csv:2")]
    public async Task Import_NoUsableRow_OneErrorLineExitOne(string name, string content, string reason)
    {
        var file = _dir.Write($"BTCUSDT-1m-{name}.csv", content);

        var result = await CliProcess.RunAsync(["data", "import", file, "--data-dir", Path.Combine(_dir.Path, "data")], ct: Ct);

        result.ExitCode.ShouldBe(1);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: nothing imported");
        result.Error.ShouldContain(reason);
    }

    [Fact]
    public async Task Import_MegabytesWithoutNewline_OneRowErrorNotABuffer()
    {
        var file = Path.Combine(_dir.Path, "BTCUSDT-1m-long.csv");
        await File.WriteAllBytesAsync(file, Enumerable.Repeat((byte)'7', 4 << 20).ToArray(), Ct);

        var result = await CliProcess.RunAsync(["data", "import", file, "--data-dir", Path.Combine(_dir.Path, "data")], ct: Ct);

        result.ExitCode.ShouldBe(1);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("BTCUSDT-1m-long.csv:1: line longer than");
    }

    [Fact]
    public async Task Import_OneGigabyteWithoutNewline_OneRowErrorUnderTwoHundredMegabytes()
    {
        var file = Path.Combine(_dir.Path, "BTCUSDT-1m-huge.csv");
        await using (var stream = new FileStream(file, FileMode.CreateNew))
        {
            await stream.WriteAsync("1704067200000,42000.5,42001,41999,42000,"u8.ToArray(), Ct);
            stream.SetLength(1L << 30); // sparse: the rest of the gigabyte reads as NUL bytes, never a newline
        }

        var (result, peak) = await CliProcess.RunMeasuringMemoryAsync(["data", "import", file, "--data-dir", Path.Combine(_dir.Path, "data")], _dir.Path, Ct);

        result.ExitCode.ShouldBe(1);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("BTCUSDT-1m-huge.csv:1: line longer than");
        peak.ShouldBeLessThan(200L << 20);
        Directory.Exists(Path.Combine(_dir.Path, "data")).ShouldBeFalse();
    }

    public void Dispose() => _dir.Dispose();
}
