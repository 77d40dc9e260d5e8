using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.OpenApi;
using Shouldly;

namespace Trading.Api.Tests.Endpoints;

/// <summary>GET /status: the cached snapshot's JSON, in the API's names; a kill switch from the API shows at once; OpenAPI describes it.</summary>
public sealed class StatusEndpointsTests(ApiServer server) : IClassFixture<ApiServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetStatus_WithKey_AnswersUtf8JsonOfModeStateStoreAndBus()
    {
        using var client = server.Client();

        using var response = await client.GetAsync("/status", Ct);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        response.Content.Headers.ContentType!.ToString().ShouldBe("application/json; charset=utf-8");
        response.Content.Headers.ContentLength.ShouldBe((await response.Content.ReadAsByteArrayAsync(Ct)).Length);
        status.GetProperty("mode").GetString().ShouldBe("paper");
        status.GetProperty("tradingState").GetString().ShouldBe("ACTIVE");
        status.GetProperty("services").GetArrayLength().ShouldBe(0);
        status.GetProperty("store").GetString().ShouldBe(server.Store.Provider);
        status.GetProperty("bus").GetString().ShouldBe("in-process");
        status.GetProperty("uptimeSeconds").GetInt64().ShouldBeGreaterThanOrEqualTo(0);
        status.GetProperty("asOf").GetDateTimeOffset().ShouldBeGreaterThanOrEqualTo(status.GetProperty("startedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task GetStatus_AfterKillSwitchEngagedThenReleased_ShowsEachStateAtOnce()
    {
        using var client = server.Client();
        (await client.GetFromJsonAsync<JsonElement>("/status", Ct)).GetProperty("tradingState").GetString().ShouldBe("ACTIVE");

        using var engaged = await client.PostAsJsonAsync("/kill-switch", new { reason = "status test" }, Ct);
        var halted = await client.GetFromJsonAsync<JsonElement>("/status", Ct);
        using var released = await client.DeleteAsync("/kill-switch", Ct);
        var active = await client.GetFromJsonAsync<JsonElement>("/status", Ct);

        engaged.EnsureSuccessStatusCode();
        halted.GetProperty("tradingState").GetString().ShouldBe("HALTED");
        halted.GetProperty("tradingStateReason").GetString().ShouldNotBeNull().ShouldContain("status test");
        released.EnsureSuccessStatusCode();
        active.GetProperty("tradingState").GetString().ShouldBe("ACTIVE");
    }

    [Fact]
    public async Task OpenApiDocument_Status_Describes200JsonWithTheStatusFields()
    {
        using var client = server.Client(key: null);
        var json = await client.GetStringAsync("/openapi/v1.json", Ct);

        var document = OpenApiDocument.Parse(json, "json").Document!;
        var ok = document.Paths["/status"].Operations![HttpMethod.Get].Responses!["200"];

        var properties = ok.Content!["application/json"].Schema!.Properties!.Keys;
        properties.ShouldBe(["mode", "dryRun", "tradingState", "tradingStateReason", "services", "startedAt", "uptimeSeconds", "store", "bus", "asOf"], ignoreOrder: true);
    }
}
