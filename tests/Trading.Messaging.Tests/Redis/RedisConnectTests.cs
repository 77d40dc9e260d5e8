using System.Diagnostics;
using Shouldly;
using Trading.Messaging.Redis;
using Trading.TestInfrastructure.Servers;

namespace Trading.Messaging.Tests.Redis;

public sealed class RedisConnectTests
{
    [Fact]
    public async Task ConnectAsync_NothingListening_ThrowsOneClearErrorAfterBoundedRetries()
    {
        var port = ExternalProcess.FreeLoopbackPort();
        var clock = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<MessageBusUnavailableException>(() =>
            RedisBusTestKit.ConnectAsync($"redis://:hunter2@127.0.0.1:{port}/0", RedisBusTestKit.Options("nobody")));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
        error.Message.ShouldStartWith($"Redis at redis://127.0.0.1:{port}/0 is unreachable after 3 attempts");
        error.Message.ShouldNotContain("hunter2");
        error.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void RetryDelay_SuccessiveAttempts_DoublesUpToTheCap()
    {
        var options = new RedisBusOptions { RetryDelay = TimeSpan.FromMilliseconds(100), MaxRetryDelay = TimeSpan.FromMilliseconds(350) };

        Enumerable.Range(1, 4).Select(attempt => RedisConnector.RetryDelay(options, attempt).TotalMilliseconds).ShouldBe([100, 200, 350, 350]);
    }
}
