using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Trading.Api.Bots;
using Trading.Api.Contracts;
using Trading.Api.Security;
using Trading.Core.Storage;
using Trading.Core.Strategies;
using Trading.Services.Bots;
using Trading.Services.Configuration;

namespace Trading.Api.Endpoints;

/// <summary>GET /bots, POST /bots (start), DELETE /bots/{id} (stop: the bot's stop request, which its process polls).</summary>
public static class BotEndpoints
{
    public static void MapBotEndpoints(this IEndpointRouteBuilder app)
    {
        var bots = app.MapGroup("/bots").WithTags("bots");
        bots.MapGet("", ListAsync).WithSummary("Every configured or recorded bot with its state");
        bots.MapPost("", StartAsync).WithSummary("Start a configured bot by name, or an ad hoc one");
        bots.MapDelete("/{id}", StopAsync).WithSummary("Ask a running bot to stop");
    }

    private static async Task<IResult> ListAsync(ITradingStore store, TradingSettings settings, TimeProvider time, CancellationToken ct)
    {
        var views = await BotStatusReader.LoadAsync(store, settings.Bots, time.GetUtcNow(), ct);
        return TypedResults.Ok(views.Select(BotResponse.From).ToList());
    }

    private static async Task<IResult> StartAsync(StartBotRequest request, ITradingStore store, TradingSettings settings, StrategyRegistry registry,
        TimeProvider time, IServiceProvider services, CancellationToken ct)
    {
        if (BotRequestResolver.TryResolve(request, settings, registry, out var bot) is { } problem) return Problems.BadRequest(problem);
        if (services.GetService(typeof(IBotStarter)) is not IBotStarter launcher)
            return Problems.Result(StatusCodes.Status503ServiceUnavailable, "Service unavailable", "this process cannot run bots");
        var running = await new BotRuntimeStore(store).GetAsync(bot.Id, ct);
        if (running is not null && running.IsRunning && !running.IsLost(time.GetUtcNow(), BotRuntimeOptions.StaleAfter))
            return Problems.Conflict($"bot '{bot.Id}' is already running (pid {running.Pid} on {running.Host})");
        if (await launcher.StartAsync(bot, ct) is { } failure) return Problems.Result(StatusCodes.Status422UnprocessableEntity, "Cannot start", failure);
        var view = (await BotStatusReader.LoadAsync(store, settings.Bots, time.GetUtcNow(), ct)).First(v => v.Bot.Id == bot.Id);
        return TypedResults.Created($"/bots/{bot.Id}", BotResponse.From(view));
    }

    private static async Task<IResult> StopAsync(string id, ITradingStore store, TimeProvider time, CancellationToken ct)
    {
        if (BotNames.Problem(id) is { } invalid) return Problems.BadRequest(invalid);
        var runtimes = new BotRuntimeStore(store);
        var state = await runtimes.GetAsync(id, ct);
        if (state is null)
            return await store.Bots.GetAsync(id, ct) is null ? Problems.NotFound($"unknown bot '{id}'") : Problems.Conflict($"bot '{id}' is not running");
        if (!state.IsRunning) return Problems.Conflict($"bot '{id}' is not running");
        await runtimes.RequestStopAsync(id, "DELETE /bots through the API", ct);
        return TypedResults.Accepted($"/bots", new { id, stopRequested = true, asOf = time.GetUtcNow() });
    }
}
