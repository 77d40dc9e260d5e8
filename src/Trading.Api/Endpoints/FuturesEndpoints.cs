using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Trading.Api.Security;
using Trading.Core.Model;
using Trading.Services.Configuration;
using Trading.Services.Futures;

namespace Trading.Api.Endpoints;

/// <summary>
/// GET /futures/positions?symbol= and GET /futures/funding?symbol=&amp;limit=: the USDⓈ-M account read from the venue (BINANCE_BASE_URL's
/// USDⓈ-M host) through <see cref="FuturesAccountReader"/>, as `trading futures positions|funding` show it.
/// </summary>
public static class FuturesEndpoints
{
    /// <summary>One client for every request: the venue's connections are reused, the signing keys come from the settings.</summary>
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static void MapFuturesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/futures/positions", (string? symbol, TradingSettings settings, CancellationToken ct) =>
            ReadAsync(settings, symbol, symbolRequired: false, (client, s) => FuturesAccountReader.PositionsAsync(client, s, ct)))
            .WithTags("futures")
            .WithSummary("Open USDⓈ-M positions (side, size, entry, mark, unrealized PnL, liquidation price, leverage, margin, funding) and the wallet")
            .Produces<FuturesPositionsView>();
        app.MapGet("/futures/funding", (string? symbol, int? limit, TradingSettings settings, CancellationToken ct) =>
            limit is < 1 or > FuturesAccountReader.FundingHistory
                ? Task.FromResult(Problems.BadRequest($"limit must be within 1..{FuturesAccountReader.FundingHistory}, got {limit}"))
                : ReadAsync(settings, symbol, symbolRequired: true, (client, s) => FuturesAccountReader.FundingAsync(client, s!.Value, limit ?? 20, ct)))
            .WithTags("futures")
            .WithSummary("A USDⓈ-M symbol's mark price, funding rate, next funding time, recent settlements and the funding paid and received")
            .Produces<FuturesFundingView>();
    }

    private static async Task<IResult> ReadAsync<T>(TradingSettings settings, string? symbolText, bool symbolRequired,
        Func<Binance.Futures.BinanceFuturesClient, Symbol?, Task<T>> read)
    {
        Symbol? symbol = null;
        if (symbolText is not null)
        {
            if (!Symbol.TryParse(symbolText, out var parsed)) return Problems.BadRequest($"symbol must be letters and digits such as BTCUSDT, got '{OrderEndpoints.Shown(symbolText)}'");
            symbol = parsed;
        }
        else if (symbolRequired) return Problems.BadRequest("symbol is required, e.g. ?symbol=BTCUSDT");
        if (!FuturesAccountReader.HasCredentials(settings))
            return Problems.Result(StatusCodes.Status503ServiceUnavailable, "Service unavailable", "the futures account needs BINANCE_API_KEY and BINANCE_API_SECRET");
        try
        {
            return TypedResults.Ok(await read(FuturesAccountReader.Client(Http, settings), symbol));
        }
        catch (Exception e) when (FuturesAccountReader.IsInputRefusal(e))
        {
            return Problems.BadRequest(FuturesAccountReader.Describe(e));
        }
        catch (Exception e) when (FuturesAccountReader.IsVenueFailure(e))
        {
            return Problems.Result(StatusCodes.Status502BadGateway, "Bad gateway", $"the futures venue failed: {FuturesAccountReader.Describe(e)}");
        }
    }
}
