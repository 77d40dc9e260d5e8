using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.FileProviders;

namespace Trading.Api.Endpoints;

/// <summary>The dashboard (wwwroot, embedded in this assembly): index.html at /, its scripts and styles beside it.</summary>
public static class DashboardFiles
{
    public static IApplicationBuilder UseDashboardFiles(this IApplicationBuilder app)
    {
        var files = new EmbeddedFileProvider(typeof(DashboardFiles).Assembly, "Trading.Api.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        return app.UseStaticFiles(new StaticFileOptions
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
