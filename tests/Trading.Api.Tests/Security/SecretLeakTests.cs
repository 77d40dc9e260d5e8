using System.Net;
using Shouldly;

namespace Trading.Api.Tests.Security;

/// <summary>No answer of any route, with or without the key, well-formed or not, holds a secret of the configuration.</summary>
public sealed class SecretLeakTests(ApiServer server) : IClassFixture<ApiServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryResponse_FakeSecretsConfigured_NoneContainsASecret()
    {
        var requests = EndpointCatalog.Reads.Where(r => r.Path != "/events")
            .Concat(EndpointCatalog.Actions)
            .Concat(EndpointCatalog.PostPaths.Select(p => ("POST", p, (string?)"{not json")))
            .Concat([("GET", "/health", null), ("GET", "/no-such-route", null), ("GET", "/openapi/v1.json", null), ("GET", "/", null),
                ("POST", "/orders", """{"symbol":"BTCUSDT","side":"SELL","quantity":5}""")])
            .ToList();
        var seen = 0;
        foreach (var key in new[] { ApiServer.Key, null, "wrong-key-wrong-key-00" })
        {
            using var client = server.Client(key);
            foreach (var (method, path, body) in requests)
            {
                using var response = await client.SendAsync(EndpointCatalog.Request(method, path, body), Ct);
                var text = response + "\n" + await response.Content.ReadAsStringAsync(Ct);
                foreach (var secret in ApiServer.Secrets)
                    text.ShouldNotContain(secret, Case.Sensitive, $"{method} {path} with key {(key is null ? "none" : "given")} answered a secret");
                seen++;
            }
        }
        seen.ShouldBe(requests.Count * 3);
    }

    [Fact]
    public async Task Errors_NoStackTraceOrExceptionType()
    {
        using var client = server.Client();

        using var response = await client.SendAsync(EndpointCatalog.Request("POST", "/orders", "{\"quantity\":"), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        text.ShouldNotContain("Exception");
        text.ShouldNotContain(" at ");
    }
}
