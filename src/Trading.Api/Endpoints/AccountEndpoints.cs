using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Trading.Api.Contracts;
using Trading.Api.Security;
using Trading.Core.Portfolio;
using Trading.Core.Storage;
using Trading.Services.Configuration;
using Trading.Services.Execution;
using Trading.Services.Portfolio;

namespace Trading.Api.Endpoints;

/// <summary>
/// GET /portfolio, /positions, /balances (the account rebuilt from the stored fills, as `trading portfolio show` does) and
/// GET /portfolio/history?days= (the stored snapshots, as `trading portfolio history`).
/// </summary>
public static class AccountEndpoints
{
    public const int MaxDays = 36_500;

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/portfolio", async (ITradingStore store, TradingSettings settings, TimeProvider time, CancellationToken ct) =>
        {
            var problems = new List<string>();
            var a = await BuildAsync(store, settings, time, ct, problems);
            return TypedResults.Ok(new PortfolioResponse(a.QuoteAsset, a.Equity, a.Cash, a.UnrealizedPnl, a.RealizedPnl, a.FeesPaid, a.DailyPnl,
                a.Drawdown, a.OpenPositions().ToList(), problems));
        }).WithTags("portfolio").WithSummary("Equity, cash, PnL, today's PnL, drawdown and positions");
        app.MapGet("/positions", async (ITradingStore store, TradingSettings settings, TimeProvider time, CancellationToken ct) =>
            TypedResults.Ok((await BuildAsync(store, settings, time, ct)).OpenPositions().ToList()))
            .WithTags("portfolio").WithSummary("Open positions marked at the latest stored prices");
        app.MapGet("/balances", async (ITradingStore store, TradingSettings settings, TimeProvider time, CancellationToken ct) =>
        {
            var account = await BuildAsync(store, settings, time, ct);
            var balances = new List<BalanceResponse> { new(account.QuoteAsset, account.Cash) };
            balances.AddRange(account.OpenPositions().Select(p => new BalanceResponse(p.Symbol.BaseAsset, p.Quantity)));
            return TypedResults.Ok(balances);
        }).WithTags("portfolio").WithSummary("Free balance of each asset");
        app.MapGet("/portfolio/history", HistoryAsync).WithTags("portfolio").WithSummary("Portfolio snapshots of the last days (1..36500, default 30)");
    }

    private static async Task<IResult> HistoryAsync(int? days, ITradingStore store, TimeProvider time, CancellationToken ct)
    {
        var span = days ?? 30;
        if (span is <= 0 or > MaxDays) return Problems.BadRequest($"days must be within 1..{MaxDays}, got {span}");
        var now = time.GetUtcNow();
        return TypedResults.Ok(await store.Portfolio.ListSnapshotsAsync(now.AddDays(-span), now, ct));
    }

    private static Task<PortfolioAccount> BuildAsync(ITradingStore store, TradingSettings settings, TimeProvider time, CancellationToken ct,
        List<string>? problems = null) =>
        PortfolioReplay.BuildAsync(store, ExecutionServiceCollectionExtensions.OptionsFrom(settings, ExecutionMode.Paper).InitialQuoteBalance,
            time.GetUtcNow(), ct, problems);
}
