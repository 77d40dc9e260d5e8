using Shouldly;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests;

public sealed class HtmlOutputPathTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Problem_NewFileInExistingDirectory_None() =>
        HtmlOutputPath.Problem(Path.Combine(_dir.Path, "report.html"), _dir.Path).ShouldBeNull();

    [Fact]
    public void Problem_EarlierHtmlReport_NoneSoItIsReplaced()
    {
        var earlier = _dir.Write("report.html", "\n<!DOCTYPE html>\n<html></html>");

        HtmlOutputPath.Problem(earlier, _dir.Path).ShouldBeNull();
    }

    [Theory]
    [InlineData("trading.db")]
    [InlineData("trading.db-wal")]
    public void Problem_TheStoreEvenIfMissing_Refused(string file) =>
        HtmlOutputPath.Problem(Path.Combine(_dir.Path, file), _dir.Path).ShouldNotBeNull().ShouldContain("is the store");

    [Fact]
    public void Problem_ExistingNonHtmlFile_Refused()
    {
        var config = _dir.Write("settings.yaml", "log_level: Debug\n");

        HtmlOutputPath.Problem(config, null).ShouldNotBeNull().ShouldContain("is not an HTML report");
    }

    [Fact]
    public void Problem_SymlinkToTheStore_Refused()
    {
        var store = _dir.Write("data/trading.db", "SQLite format 3");
        var link = Path.Combine(_dir.Path, "innocent.html");
        File.CreateSymbolicLink(link, store);

        HtmlOutputPath.Problem(link, Path.Combine(_dir.Path, "data")).ShouldNotBeNull().ShouldContain("is the store");
    }

    [Fact]
    public void Problem_Directory_Refused() =>
        HtmlOutputPath.Problem(_dir.Path, null).ShouldNotBeNull().ShouldContain("is a directory");

    [Fact]
    public void Problem_MissingParentDirectory_RefusedAndNotCreated()
    {
        var path = Path.Combine(_dir.Path, "nonexistent", "r.html");

        HtmlOutputPath.Problem(path, null).ShouldNotBeNull().ShouldContain("does not exist");
        Directory.Exists(Path.Combine(_dir.Path, "nonexistent")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Problem_Empty_Refused(string path) => HtmlOutputPath.Problem(path, null).ShouldNotBeNull();

    public void Dispose() => _dir.Dispose();
}
