using System.CommandLine;
using Trading.Binance;
using Trading.Cli.Commands.Data;
using Trading.Cli.Commands.Db;
using Symbol = Trading.Core.Model.Symbol;
using Trading.Core.Storage;
using Trading.Services.MarketData;

namespace Trading.Cli.Commands.Exchange;

/// <summary>
/// <c>trading exchange info [--symbol X] [--refresh] [--json]</c>: the exchange's symbol rules (status, assets, filters).
/// --refresh fetches exchangeInfo from BINANCE_BASE_URL and stores every symbol with the time; without it the stored rules print.
/// </summary>
public static class InfoCommand
{
    public static Command Create()
    {
        var symbol = DataOptions.Symbol("Only this symbol, e.g. ETHUSDT");
        var refresh = new Option<bool>("--refresh") { Description = "Fetch exchangeInfo from BINANCE_BASE_URL and store it first" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var command = new Command("info", "Show the exchange's symbol filters (tick, step, min notional), fetched with --refresh");
        foreach (var option in new Option[] { symbol, refresh, json }) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            if (!DataOptions.TryGetSymbol(parse, symbol, out var only)) return TradingCli.UsageError;
            if (!CliSettings.TryLoad(parse, out var settings, out var exit)) return exit;
            if (parse.GetValue(refresh) && !Uri.TryCreate(settings.BinanceBaseUrl, UriKind.Absolute, out _))
            {
                await Console.Error.WriteLineAsync($"error: BINANCE_BASE_URL is not a URL: {settings.BinanceBaseUrl}");
                return TradingCli.UsageError;
            }
            var body = async (Core.Storage.ITradingStore store, string _) =>
            {
                IReadOnlyList<StoredSymbolInfo> symbols = [];
                if (parse.GetValue(refresh))
                {
                    using var http = new HttpClient();
                    var client = new BinanceMarketDataClient(http, new BinanceClientOptions { BaseUrl = new Uri(settings.BinanceBaseUrl) });
                    var failure = await BinanceFailures.CatchAsync(async () =>
                        symbols = await ExchangeFilterRefresh.RefreshAsync(client, store.SymbolFilters, TimeProvider.System, ct));
                    if (failure is not null) return failure.Value;
                    await Console.Error.WriteLineAsync($"stored the filters of {symbols.Count:N0} symbol(s) from {client.BaseUrl}");
                }
                else
                {
                    symbols = await store.SymbolFilters.ListAsync(ct);
                }
                return await PrintAsync(symbols, only, parse.GetValue(json), parse.GetValue(refresh));
            };
            return parse.GetValue(refresh)
                ? await StoreCommand.RunAsync(parse, ct, body, migrate: true)
                : await StoreCommand.ReadAsync(parse, ct, body, _ => PrintAsync([], only, parse.GetValue(json), refreshed: false));
        });
        return command;
    }

    private static async Task<int> PrintAsync(IReadOnlyList<StoredSymbolInfo> symbols, Symbol? only, bool json, bool refreshed)
    {
        var shown = only is { } wanted ? [.. symbols.Where(s => s.Symbol == wanted)] : symbols;
        if (only is not null && shown.Count == 0)
        {
            await Console.Error.WriteLineAsync(refreshed
                ? $"error: the exchange does not list {only}"
                : $"error: no filters stored for {only}: run `trading exchange info --refresh`");
            return StoreCommand.RuntimeError;
        }
        if (json)
        {
            await Console.Out.WriteLineAsync(SymbolFilterView.Json(shown));
            return 0;
        }
        if (shown.Count == 0)
        {
            Console.WriteLine("no filters stored: run `trading exchange info --refresh`");
            return 0;
        }
        CliConsole.Create().Write(SymbolFilterView.Table(shown));
        return 0;
    }
}
