using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Trading.Api.Backtests;
using Trading.Api.Endpoints;
using Trading.Api.Security;
using Trading.Api.Streaming;
using Trading.Services.Configuration;
using Trading.Services.Strategies;

namespace Trading.Api.Hosting;

/// <summary>
/// The API's web host: Kestrel on TRADING_API_BIND:TRADING_API_PORT (loopback by default) with request size limits, the
/// key check, rate limits, problem+json errors, the endpoints, the OpenAPI document with its reference page, /metrics and
/// the dashboard. A host adds the platform's own services (store, bus, settings) to <see cref="WebApplicationBuilder.Services"/>.
/// </summary>
public static class ApiApplication
{
    public static WebApplicationBuilder CreateBuilder(TradingSettings settings, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            kestrel.Listen(IPAddress.Parse(settings.ApiBind), options.Port ?? settings.ApiPort);
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        builder.Services.AddTradingApi(settings, options);
        return builder;
    }

    public static IServiceCollection AddTradingApi(this IServiceCollection services, TradingSettings settings, ApiOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<ApiRuntime>();
        services.AddStrategies(settings);
        services.AddSingleton<StatusCache>();
        services.AddSingleton<BacktestJobs>();
        services.AddSingleton<LiveEventHub>();
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            // A body that does not bind (not JSON, wrong types) is answered before any handler runs: say so.
            if (context.ProblemDetails.Status == 400 && context.ProblemDetails.Detail is null)
                context.ProblemDetails.Detail = "the request is malformed: send a JSON body (Content-Type: application/json) of the documented shape";
        });
        services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        services.AddApiRateLimits(options, settings);
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Trading platform API";
            document.Info.Description = "Send the key of TRADING_API_KEY in the X-API-Key header; only /health answers without it.";
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>The middleware and every endpoint, in order: errors, static files, rate limits, the key, then the routes.</summary>
    public static WebApplication UseTradingApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDashboardFiles();
        app.UseRateLimiter();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.MapHealthEndpoints();
        app.MapStatusEndpoints();
        app.MapBotEndpoints();
        app.MapAccountEndpoints();
        app.MapOrderEndpoints();
        app.MapSignalEndpoints();
        app.MapBacktestEndpoints();
        app.MapMarketEndpoints();
        app.MapRegimeEndpoints();
        app.MapFuturesEndpoints();
        app.MapKillSwitchEndpoints();
        app.MapEventStream();
        app.MapReferenceEndpoints();
        return app;
    }

    /// <summary>The address Kestrel bound (the free port when 0 was asked), once the app has started.</summary>
    public static string ListeningUrl(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        return addresses?.Addresses.FirstOrDefault() ?? "(unknown)";
    }
}
