using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Trading.Api.Contracts;
using Trading.Core.Risk;
using Trading.Core.Storage;
using Trading.Services.Execution;

namespace Trading.Api.Endpoints;

/// <summary>
/// POST /kill-switch halts trading (HALTED) and DELETE /kill-switch resumes it (ACTIVE), as `trading trade kill|resume`:
/// the state is stored, so every executor sharing the store reads it before its next order and it survives restarts.
/// </summary>
public static class KillSwitchEndpoints
{
    public static void MapKillSwitchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/kill-switch", (KillSwitchRequest? body, ITradingStore store, StatusCache status, CancellationToken ct) =>
            SetAsync(TradingState.Halted, body?.Reason ?? "kill switch from the API", store, status, ct))
            .WithTags("risk").WithSummary("Engage the kill switch: no new orders (HALTED)");
        app.MapDelete("/kill-switch", (ITradingStore store, StatusCache status, CancellationToken ct) =>
            SetAsync(TradingState.Active, "resumed from the API", store, status, ct))
            .WithTags("risk").WithSummary("Release the kill switch (ACTIVE)");
    }

    private static async Task<IResult> SetAsync(TradingState state, string reason, ITradingStore store, StatusCache status, CancellationToken ct)
    {
        var why = new string(reason.Take(200).Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        await new KillSwitch(store.SystemState).SetAsync(state, why, ct);
        status.Invalidate();
        return TypedResults.Ok(new TradingStateResponse(state.ToString().ToUpperInvariant(), why));
    }
}
