using Microsoft.AspNetCore.Http;

namespace Trading.Api.Security;

/// <summary>
/// What answers without a key: liveness, and what holds no data (the dashboard's own files, the chart library, the
/// OpenAPI document and its reference page). Everything else needs the key.
/// </summary>
public static class PublicPaths
{
    public const string Liveness = "/health";
    public const string ChartLibrary = "/lib/lightweight-charts.js";

    private static readonly string[] Documents = ["/openapi", "/scalar"];
    private static readonly string[] DashboardFiles = ["/", "/index.html", "/app.js", "/api.js", "/charts.js", "/live.js", "/panels.js", "/style.css"];

    public static bool IsPublic(PathString path)
    {
        var value = path.Value ?? "/";
        if (value is Liveness or ChartLibrary || DashboardFiles.Contains(value, StringComparer.Ordinal)) return true;
        return Documents.Any(d => path.StartsWithSegments(d, StringComparison.Ordinal));
    }
}
