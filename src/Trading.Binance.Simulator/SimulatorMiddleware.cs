using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Trading.Binance.Simulator;

/// <summary>For /api/* and /fapi/* requests: applies queued faults, counts request weight (orders only when they fail) and sets X-MBX-USED-WEIGHT-1M.</summary>
internal sealed class SimulatorMiddleware(BinanceSimulator sim, RequestWeightMeter weights, StreamHub hub)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith("/api/", StringComparison.Ordinal) && !path.StartsWith("/fapi/", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        sim.Options.RequestArrived?.Invoke(context.Request.Method, path);
        // Logged as the answer starts, so a client that has its answer always finds its request in the log.
        var logged = 0;
        void Log()
        {
            if (Interlocked.Exchange(ref logged, 1) == 0)
                sim.Requests.Add(new SimulatorRequest(path, context.Request.QueryString.Value ?? "", sim.Options.Time.GetUtcNow(), context.Response.StatusCode));
        }
        var metadata = context.GetEndpoint()?.Metadata.GetMetadata<RequestWeight>();
        var freeOnSuccess = metadata is { FreeOnSuccess: true };
        var (used, overLimit, untilNextMinute) = weights.Add(freeOnSuccess ? 0 : metadata?.Weight ?? 1);
        context.Response.Headers["X-MBX-USED-WEIGHT-1M"] = used.ToString(CultureInfo.InvariantCulture);
        context.Response.OnStarting(() =>
        {
            Log();
            if (freeOnSuccess && context.Response.StatusCode >= 400)
                context.Response.Headers["X-MBX-USED-WEIGHT-1M"] = weights.Add(metadata!.Weight).Used.ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        try
        {
            var fault = sim.Faults.TakeHttpFault();
            if (fault is { Delay: var delay } && delay > TimeSpan.Zero)
                await Task.Delay(delay, sim.Options.Time, context.RequestAborted);
            if (fault is { Body: { } body })
            {
                context.Response.ContentType = "application/json;charset=UTF-8";
                await context.Response.WriteAsync(body, context.RequestAborted);
            }
            else if (fault is { Status: not 200 })
                await WriteFaultAsync(context, fault.Status, fault.RetryAfterSeconds);
            else if (overLimit)
                await WriteFaultAsync(context, 429, (int)Math.Ceiling(untilNextMinute.TotalSeconds));
            else
            {
                await next(context);
                if (path is "/api/v3/klines" or "/fapi/v1/klines" && context.Response.StatusCode == StatusCodes.Status200OK) hub.MarkBackfilled();
            }
        }
        finally
        {
            Log();
        }
    }

    private async Task WriteFaultAsync(HttpContext context, int status, int retryAfterSeconds)
    {
        context.Response.StatusCode = status;
        if (status is 429 or 418) context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var until = sim.Options.Time.GetUtcNow().AddSeconds(retryAfterSeconds).ToUnixTimeMilliseconds();
        var body = status switch
        {
            429 => SimulatorJson.Error(-1003, $"Too much request weight used; current limit is {sim.Options.WeightLimitPerMinute} request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API."),
            418 => SimulatorJson.Error(-1003, $"Way too much request weight used; IP banned until {until}. Please use WebSocket Streams for live updates to avoid bans."),
            _ => SimulatorJson.Error(-1001, "Internal error; unable to process your request. Please try again."),
        };
        context.Response.ContentType = "application/json;charset=UTF-8";
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
