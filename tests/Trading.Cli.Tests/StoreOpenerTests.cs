using Shouldly;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests;

public sealed class StoreOpenerTests
{
    [Fact]
    public async Task DbMigrate_DataDirFromDotEnv_CreatesTheStoreThere()
    {
        using var dir = new TempDirectory();
        dir.Write(".env", "TRADING_DATA_DIR=./from-dotenv\n");

        var result = await CliProcess.RunAsync(["db", "migrate"], null, dir.Path, TestContext.Current.CancellationToken);

        result.ExitCode.ShouldBe(0, result.Error);
        File.Exists(Path.Combine(dir.Path, "from-dotenv", "trading.db")).ShouldBeTrue();
    }
}
