using System.Net;
using Shouldly;

namespace Trading.Api.Tests.Security;

/// <summary>Every route but liveness refuses a request without the key or with a wrong one: 401 problem+json.</summary>
public sealed class ApiKeyTests(ApiServer server) : IClassFixture<ApiServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string?> Routes()
    {
        var data = new TheoryData<string, string, string?>();
        foreach (var (method, path, body) in EndpointCatalog.Reads.Concat(EndpointCatalog.Actions)) data.Add(method, path, body);
        return data;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Request_WithoutKey_Refused401ProblemJson(string method, string path, string? body)
    {
        using var client = server.Client(key: null);

        using var response = await client.SendAsync(EndpointCatalog.Request(method, path, body), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.WwwAuthenticate.ToString().ShouldContain("X-API-Key");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Request_WithWrongKey_Refused401ProblemJson(string method, string path, string? body)
    {
        using var client = server.Client(key: ApiServer.Key[..^1] + "X");

        using var response = await client.SendAsync(EndpointCatalog.Request(method, path, body), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task KillSwitch_WrongKey_LeavesTradingStateUnchanged()
    {
        using var wrong = server.Client(key: "not-the-key-at-all-000");
        using var refused = await wrong.SendAsync(EndpointCatalog.Request("POST", "/kill-switch", "{}"), Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await new Services.Execution.KillSwitch(server.Store.SystemState).LoadAsync(Ct)).ShouldBe(Core.Risk.TradingState.Active);
    }

    [Fact]
    public async Task Health_WithoutKey_AnswersOk()
    {
        using var client = server.Client(key: null);

        using var response = await client.GetAsync("/health", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("""{"status":"ok"}""");
    }

    [Fact]
    public async Task Metrics_KeyAsBearerToken_Answered()
    {
        using var client = server.Client(key: null);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiServer.Key);

        using var response = await client.GetAsync("/metrics", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("# TYPE");
    }
}
