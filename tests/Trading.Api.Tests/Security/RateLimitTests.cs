using System.Net;
using Shouldly;

namespace Trading.Api.Tests.Security;

/// <summary>
/// The rate limiter: requests without the key are limited per client (a key cannot be guessed by trying), actions per
/// minute; a refusal is 429 problem+json with Retry-After, and one exhausted partition leaves the others answering.
/// </summary>
public sealed class RateLimitTests(TightLimitsApiServer server) : IClassFixture<TightLimitsApiServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_WrongKeyBeyondAnonymousLimit_Refused429ProblemJsonWhileTheKeyIsServed()
    {
        using var guesser = server.Client(key: "guess-0000000000000000");
        using var owner = server.Client();

        await SpendLimitAsync(TightLimitsApiServer.AnonymousPerMinute, () => guesser.GetAsync("/status", Ct), HttpStatusCode.Unauthorized);
        using var limited = await guesser.GetAsync("/status", Ct);
        using var served = await owner.GetAsync("/status", Ct);

        await ShouldBeTooManyRequestsAsync(limited);
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DeleteKillSwitch_BeyondActionsPerMinute_Refused429ProblemJsonWhileReadsAreServed()
    {
        using var client = server.Client();

        await SpendLimitAsync(TightLimitsApiServer.ActionsPerMinute, () => client.DeleteAsync("/kill-switch", Ct), HttpStatusCode.OK);
        using var limited = await client.DeleteAsync("/kill-switch", Ct);
        using var read = await client.GetAsync("/status", Ct);

        await ShouldBeTooManyRequestsAsync(limited);
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Sends <paramref name="limit"/> requests, each answered as usual: the partition's permits are used up.</summary>
    private static async Task SpendLimitAsync(int limit, Func<Task<HttpResponseMessage>> send, HttpStatusCode answered)
    {
        for (var request = 0; request < limit; request++)
        {
            using var response = await send();
            response.StatusCode.ShouldBe(answered);
        }
    }

    private static async Task ShouldBeTooManyRequestsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("rate limit");
    }
}
