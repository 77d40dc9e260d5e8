using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace Trading.Api.Endpoints;

/// <summary>
/// The dashboard (wwwroot, embedded in this assembly): index.html at /, its scripts and styles beside it. Only a request that
/// matched no API route enters this branch, so the API's own answers skip the file lookups.
/// </summary>
public static class DashboardFiles
{
    public static IApplicationBuilder UseDashboardFiles(this IApplicationBuilder app) =>
        app.UseWhen(context => context.GetEndpoint() is null, UseFiles);

    private static void UseFiles(IApplicationBuilder app)
    {
        var files = new EmbeddedFileProvider(typeof(DashboardFiles).Assembly, "Trading.Api.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers.CacheControl = "no-cache";
                context.Context.Response.Headers["X-Content-Type-Options"] = "nosniff";
                context.Context.Response.Headers["Content-Security-Policy"] =
                    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'";
            },
        });
    }
}
