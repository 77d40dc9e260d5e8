using Trading.Binance.Errors;
using Trading.Binance.Futures;
using Trading.Binance.Orders;
using Trading.Cli.Commands.Futures;
using Trading.Services.Configuration;
using Trading.Services.Execution.Futures;

namespace Trading.Cli.Commands.Trade;

/// <summary>
/// Before a testnet or live USDⓈ-M bot starts: one-way mode, ISOLATED and the leverage are applied to the account
/// (<see cref="FuturesSetup.ApplyAsync"/>, changing only what differs), then checked (<see cref="FuturesSetup.EnsureTradableAsync"/>),
/// and the symbol's brackets are read from the exchange. A refusal (unknown symbol, leverage above the bracket, a margin type that
/// cannot change with a position open) is one <c>error:</c> line, before anything is stored.
/// </summary>
internal static class FuturesBotSetup
{
    public static async Task<(FuturesBotSettings? Settings, BinanceFuturesClient? Client, string? Problem, int Exit)> ApplyAsync(
        HttpClient http, TradingSettings settings, FuturesBotSettings futures, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(settings.BinanceApiKey) || string.IsNullOrWhiteSpace(settings.BinanceApiSecret))
            return (null, null, "a testnet or live usdm bot needs BINANCE_API_KEY and BINANCE_API_SECRET", TradingCli.UsageError);
        var client = FuturesCli.Client(http, settings);
        try
        {
            await client.SyncClockAsync(ct);
            await FuturesSetup.ApplyAsync(client, [new FuturesSymbolSettings(futures.Symbol, futures.Leverage)], ct, hedgeMode: false);
            var brackets = (await client.GetLeverageBracketsAsync(futures.Symbol, ct)).Single(b => b.Symbol == futures.Symbol);
            return (futures with { Brackets = brackets }, client, null, 0);
        }
        catch (BinanceTradingException e) when (e.HttpStatus is >= 400 and < 500 and not 418 and not 429)
        {
            return (null, null, $"{futures.Symbol}: {e.BinanceMessage} (code {e.Code})", TradingCli.UsageError);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or FuturesSettingsMismatchException)
        {
            return (null, null, e.Message.Split('\n')[0].Replace(" (Parameter 'symbols')", "", StringComparison.Ordinal), TradingCli.UsageError);
        }
        catch (Exception e) when (e is BinanceTradingException or BinanceOutcomeUnknownException or BinanceApiException or BinanceUnavailableException
                                      or HttpRequestException)
        {
            return (null, null, $"futures setup failed: {e.Message.Split('\n')[0]}", TradeStartCommand.RuntimeError);
        }
    }
}
