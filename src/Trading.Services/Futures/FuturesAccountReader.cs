using Trading.Binance.Errors;
using Trading.Binance.Futures;
using Trading.Binance.Orders;
using Trading.Core.Model;
using Trading.Services.Configuration;

namespace Trading.Services.Futures;

/// <summary>
/// Reads the USDⓈ-M account from the venue for `trading futures positions|funding` and the API's /futures endpoints alike:
/// positions with their funding, and a symbol's funding rate, settlements and what the account paid or received.
/// </summary>
public static class FuturesAccountReader
{
    /// <summary>How many funding rows are summed into a position's funding (Binance's income limit).</summary>
    public const int FundingHistory = 1000;

    /// <summary>The signed /fapi client for BINANCE_BASE_URL's USDⓈ-M host (the simulator's own port).</summary>
    public static BinanceFuturesClient Client(HttpClient http, TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!HasCredentials(settings)) throw new InvalidOperationException("the futures account needs BINANCE_API_KEY and BINANCE_API_SECRET");
        return new BinanceFuturesClient(http, new BinanceCredentials(settings.BinanceApiKey!, settings.BinanceApiSecret!),
            new BinanceTradingOptions { BaseUrl = FuturesSetup.FuturesBaseUrl(new Uri(settings.BinanceBaseUrl)) });
    }

    public static bool HasCredentials(TradingSettings settings) =>
        !string.IsNullOrWhiteSpace(settings?.BinanceApiKey) && !string.IsNullOrWhiteSpace(settings.BinanceApiSecret);

    /// <summary>The open positions (of <paramref name="symbol"/> only, when given) with their funding, and the wallet.</summary>
    public static async Task<FuturesPositionsView> PositionsAsync(BinanceFuturesClient client, Symbol? symbol, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var open = (await client.GetPositionsAsync(symbol, ct).ConfigureAwait(false)).Where(p => p.Amount != 0m).ToList();
        var account = await client.GetAccountAsync(ct).ConfigureAwait(false);
        var funding = new Dictionary<Symbol, decimal>();
        foreach (var s in open.Select(p => p.Symbol).Distinct())
            funding[s] = (await client.GetIncomeAsync(s, "FUNDING_FEE", limit: FundingHistory, ct: ct).ConfigureAwait(false)).Sum(i => i.Amount);
        var positions = open.Select(p => new FuturesPositionView(p.Symbol.Name, SideOf(p), Math.Abs(p.Amount), p.EntryPrice, p.MarkPrice, p.UnrealizedPnl,
            p.LiquidationPrice, p.Leverage, p.IsolatedMargin, p.Isolated ? "ISOLATED" : "CROSSED", Math.Abs(p.Notional), funding[p.Symbol])).ToList();
        return new FuturesPositionsView(positions, account.WalletBalance, account.AvailableBalance, account.UnrealizedPnl);
    }

    /// <summary>The symbol's mark, funding rate and next funding time, its last <paramref name="limit"/> settlements and payments.</summary>
    public static async Task<FuturesFundingView> FundingAsync(BinanceFuturesClient client, Symbol symbol, int limit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, FundingHistory);
        var mark = await client.GetMarkPriceAsync(symbol, ct).ConfigureAwait(false);
        var settlements = await client.GetFundingRatesAsync(symbol, limit: limit, ct: ct).ConfigureAwait(false);
        var payments = await client.GetIncomeAsync(symbol, "FUNDING_FEE", limit: limit, ct: ct).ConfigureAwait(false);
        var rows = settlements.Select(s =>
        {
            var at = payments.Where(p => p.TimeMs == s.FundingTimeMs).ToList();
            return new FuturesSettlementView(Time(s.FundingTimeMs), s.Rate, s.MarkPrice, at.Count > 0 ? at.Sum(p => p.Amount) : null);
        }).ToList();
        return new FuturesFundingView(symbol.Name, mark.MarkPrice, mark.LastFundingRate, Time(mark.NextFundingTimeMs), rows,
            payments.Where(p => p.Amount < 0).Sum(p => p.Amount), payments.Where(p => p.Amount > 0).Sum(p => p.Amount));
    }

    /// <summary>A refusal for the input (an unknown symbol, a leverage outside the brackets, settings that cannot change).</summary>
    public static bool IsInputRefusal(Exception e) =>
        e is BinanceTradingException { HttpStatus: >= 400 and < 500 and not 418 and not 429 } or ArgumentOutOfRangeException or FuturesSettingsMismatchException;

    /// <summary>The venue failed or could not be reached (an outage, a ban, an answer that does not parse).</summary>
    public static bool IsVenueFailure(Exception e) =>
        e is BinanceTradingException or BinanceOutcomeUnknownException or BinanceApiException or BinanceBannedException
            or BinanceUnavailableException or BinanceMalformedResponseException or HttpRequestException;

    /// <summary>The one line a person is shown for a refusal or a failure: Binance's message and code, else the exception's first line.</summary>
    public static string Describe(Exception e) => e switch
    {
        BinanceTradingException t when IsInputRefusal(t) => $"{t.BinanceMessage} (code {t.Code})",
        _ => e?.Message.Split('\n')[0].Trim().Replace(" (Parameter 'symbols')", "", StringComparison.Ordinal) ?? "",
    };

    private static string SideOf(FuturesPositionRisk position) =>
        position.PositionSide == PositionSide.Both ? (position.Amount > 0 ? "LONG" : "SHORT") : position.PositionSide.ToString().ToUpperInvariant();

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
