using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Trading.Api.Backtests;
using Trading.Api.Contracts;
using Trading.Api.Security;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services.Backtesting;
using Trading.Services.Configuration;
using Trading.Services.Execution;

namespace Trading.Api.Endpoints;

/// <summary>GET /backtests, GET /backtests/{id} (poll: running, failed or completed with results) and POST /backtests (start).</summary>
public static class BacktestEndpoints
{
    public static void MapBacktestEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/backtests").WithTags("backtests");
        group.MapGet("", ListAsync).WithSummary("Stored runs, newest first, and the runs in progress");
        group.MapGet("/{id}", GetAsync).WithSummary("One run: its status, and its statistics, trades and chart once completed");
        group.MapPost("", StartAsync).WithSummary("Start a backtest in the background; poll GET /backtests/{id}");
    }

    private static async Task<IResult> ListAsync(int? limit, ITradingStore store, BacktestJobs jobs, CancellationToken ct)
    {
        if (OrderEndpoints.Limit(limit, out var take) is { } bad) return bad;
        var unfinished = jobs.Unfinished.Select(Describe);
        var stored = (await store.BacktestRuns.ListAsync(take, ct)).Select(r => Describe(r, withResults: false));
        return TypedResults.Ok(unfinished.Concat(stored).ToList());
    }

    private static async Task<IResult> GetAsync(string id, ITradingStore store, BacktestJobs jobs, CancellationToken ct)
    {
        var job = jobs.Find(id);
        if (job is not null && job.Status != BacktestJobs.Completed) return TypedResults.Ok(Describe(job));
        return await store.BacktestRuns.GetAsync(id, ct) is { } record
            ? TypedResults.Ok(Describe(record, withResults: true))
            : Problems.NotFound($"no backtest '{OrderEndpoints.Shown(id)}'");
    }

    private static async Task<IResult> StartAsync(BacktestRunRequest body, BacktestJobs jobs, TradingSettings settings, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Strategy)) return Problems.BadRequest("strategy is required, e.g. rsi");
        if (!Symbol.TryParse(body.Symbol, out var symbol)) return Problems.BadRequest($"symbol must be letters and digits such as BTCUSDT, got '{OrderEndpoints.Shown(body.Symbol)}'");
        if (!Timeframe.TryParse(body.Timeframe ?? "1m", out var timeframe)) return Problems.BadRequest($"unknown timeframe '{OrderEndpoints.Shown(body.Timeframe)}'");
        if (body.From is not { } from || body.To is not { } to) return Problems.BadRequest("from and to are required, as UTC times such as 2024-01-01T00:00:00Z");
        var request = new BacktestRequest
        {
            Strategy = body.Strategy,
            Symbol = symbol,
            Timeframe = timeframe,
            FromMs = from.ToUnixTimeMilliseconds(),
            ToMs = to.ToUnixTimeMilliseconds(),
            Balance = body.Balance ?? 10_000m,
            FeeBps = body.FeeBps ?? settings.PaperFeeBps,
            SlippageBps = body.SlippageBps ?? settings.PaperSlippageBps,
            Parameters = body.Parameters ?? new Dictionary<string, string>(),
            Policy = ExecutionServiceCollectionExtensions.ExecutionPolicyFrom(settings),
        };
        try
        {
            var job = await jobs.StartAsync(request, ct);
            return TypedResults.Accepted($"/backtests/{job.Id}", Describe(job));
        }
        catch (BacktestInputException e)
        {
            return Problems.BadRequest(e.Message);
        }
    }

    private static BacktestResponse Describe(BacktestJob job) =>
        new(job.Id, job.Status, "backtest", job.Request.Strategy, job.Request.Symbol.Name, job.Request.Timeframe.Name,
            DateTimeOffset.FromUnixTimeMilliseconds(job.Request.FromMs), DateTimeOffset.FromUnixTimeMilliseconds(job.Request.ToMs), null, job.Error);

    private static BacktestResponse Describe(BacktestRunRecord r, bool withResults) =>
        new(r.Id, BacktestJobs.Completed, r.Kind, r.Strategy, r.Symbol, r.Timeframe, DateTimeOffset.FromUnixTimeMilliseconds(r.FromMs),
            DateTimeOffset.FromUnixTimeMilliseconds(r.ToMs), r.CreatedAt, null,
            withResults ? Parse(r.ParametersJson) : null, withResults ? Parse(r.StatisticsJson) : null,
            withResults ? Parse(r.TradesJson) : null, withResults ? Parse(r.EquityJson) : null);

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
