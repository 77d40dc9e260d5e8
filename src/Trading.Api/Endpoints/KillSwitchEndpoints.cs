using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Trading.Api.Contracts;
using Trading.Api.Hosting;
using Trading.Core.Execution;
using Trading.Core.Messaging;
using Trading.Core.Risk;
using Trading.Core.Storage;
using Trading.Services.Bots;
using Trading.Services.Configuration;
using Trading.Services.Execution;

namespace Trading.Api.Endpoints;

/// <summary>
/// POST /kill-switch has the effect of `trading trade stop-all` (<see cref="StopAll"/>): HALTED is stored, every bot is asked
/// to stop and every open order is cancelled at the venue; the answer lists what was done, step by step.
/// DELETE /kill-switch resumes trading (ACTIVE), as `trading trade resume`.
/// </summary>
public static class KillSwitchEndpoints
{
    private const int MaxReasonLength = 200;

    public static void MapKillSwitchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/kill-switch", EngageAsync)
            .WithTags("risk").WithSummary("Kill switch, as `trade stop-all`: HALTED, every bot stopped, every open order cancelled");
        app.MapDelete("/kill-switch", ResumeAsync)
            .WithTags("risk").WithSummary("Release the kill switch (ACTIVE)");
    }

    private static async Task<IResult> EngageAsync(KillSwitchRequest? body, ITradingStore store, IMessageBus bus, TradingSettings settings,
        ApiRuntime runtime, StatusCache status, TimeProvider time, ILoggerFactory loggers, IServiceProvider services, CancellationToken ct)
    {
        var why = Clean(body?.Reason ?? "kill switch from the API");
        var executor = await ApiExecutor.CreateAsync(store, bus, settings, runtime, time, loggers, services, "api.kill-switch", ct);
        var actions = new List<string>();
        var report = await new StopAll(store, new BotControl(store, time)).RunAsync(executor, why, actions.Add, ct);
        status.Invalidate();
        return TypedResults.Ok(new KillSwitchResponse("HALTED", why, report.BotsStopped, report.OrdersCancelled, report.Problems, actions));
    }

    private static async Task<IResult> ResumeAsync(ITradingStore store, StatusCache status, CancellationToken ct)
    {
        const string why = "resumed from the API";
        await new KillSwitch(store.SystemState).SetAsync(TradingState.Active, why, ct);
        status.Invalidate();
        return TypedResults.Ok(new TradingStateResponse("ACTIVE", why));
    }

    private static string Clean(string reason) =>
        new(reason.Take(MaxReasonLength).Select(c => char.IsControl(c) ? ' ' : c).ToArray());
}
