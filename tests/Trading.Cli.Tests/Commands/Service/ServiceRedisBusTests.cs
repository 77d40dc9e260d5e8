using Shouldly;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Servers;

namespace Trading.Cli.Tests.Commands.Service;

/// <summary>A service given a REDIS_URL it cannot use stops with one error line that never shows the password.</summary>
public sealed class ServiceRedisBusTests : IDisposable
{
    private readonly TempDirectory _dataDir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_RedisUnreachable_RetriesThenOneErrorLineAndExit1()
    {
        var port = ExternalProcess.FreeLoopbackPort();

        var result = await Run($"redis://:hunter2@127.0.0.1:{port}/0");

        result.ExitCode.ShouldBe(1, result.Error);
        result.ErrorLines.Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ShouldHaveSingleItem()
            .ShouldStartWith($"error: Redis at redis://127.0.0.1:{port}/0 is unreachable after 5 attempts");
        result.Error.ShouldNotContain("hunter2");
    }

    [Fact]
    public async Task Start_MalformedRedisUrl_OneErrorLineAndExit2()
    {
        var result = await Run("redis://:hunter2@127.0.0.1:6379/zero");

        result.ExitCode.ShouldBe(2, result.Error);
        result.ErrorLines.ShouldBe(["error: REDIS_URL is malformed: the database after the '/' must be a number such as /0."]);
    }

    private Task<CliProcess.Result> Run(string redisUrl) =>
        CliProcess.RunAsync(["service", "start", "order-executor"],
            new Dictionary<string, string?> { ["TRADING_DATA_DIR"] = _dataDir.Path, ["REDIS_URL"] = redisUrl }, ct: Ct);

    public void Dispose() => _dataDir.Dispose();
}
