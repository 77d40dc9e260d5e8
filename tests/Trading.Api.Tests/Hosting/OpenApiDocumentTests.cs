using Microsoft.OpenApi;
using Shouldly;

namespace Trading.Api.Tests.Hosting;

/// <summary>The OpenAPI document parses and validates with Microsoft.OpenApi's reader and describes every route.</summary>
public sealed class OpenApiDocumentTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task OpenApiDocument_ReadWithMicrosoftOpenApi_ValidWithEveryRoute()
    {
        using var client = server.Client(key: null);
        var json = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        var result = OpenApiDocument.Parse(json, "json");

        result.Diagnostic!.Errors.ShouldBeEmpty(string.Join("; ", result.Diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}")));
        var document = result.Document!;
        document.Info.Title.ShouldBe("Trading platform API");
        var paths = document.Paths.Keys.ToHashSet();
        foreach (var (_, path, _) in EndpointCatalog.Reads.Concat(EndpointCatalog.Actions).Where(r => r.Path != "/metrics"))
        {
            var route = path.Split('?')[0].Replace("/bt-1", "/{id}", StringComparison.Ordinal).Replace("/some-bot", "/{id}", StringComparison.Ordinal);
            paths.ShouldContain(route);
        }
        document.Paths["/orders"].Operations!.Keys.Select(k => k.ToString().ToUpperInvariant()).ShouldBe(["GET", "POST"], ignoreOrder: true);
    }

    [Fact]
    public async Task ReferencePage_WithoutKey_Served()
    {
        using var client = server.Client(key: null);

        var html = await client.GetStringAsync("/scalar", TestContext.Current.CancellationToken);

        html.ShouldContain("openapi/v1.json");
    }
}
