using System.CommandLine;
using Trading.Binance.Errors;
using Trading.Binance.Futures;
using Trading.Binance.Orders;
using Trading.Cli.Commands.Data;
using Trading.Cli.Commands.Db;
using Trading.Services.Futures;

namespace Trading.Cli.Commands.Futures;

/// <summary>
/// What the <c>trading futures</c> commands share: <c>--symbol</c>, <c>--market</c> (usdm, the only market they serve), the
/// signed /fapi client for BINANCE_BASE_URL's USDⓈ-M host (the simulator's own port), and one-line errors.
/// </summary>
internal sealed class FuturesCli
{
    public Option<string?> Symbol { get; } = DataOptions.Symbol("The USDⓈ-M symbol, e.g. BTCUSDT");

    public Option<string> Market { get; } = new("--market") { Description = "usdm (USDⓈ-M perpetual futures), the only market these commands serve", DefaultValueFactory = _ => "usdm" };

    public void AddTo(Command command, bool symbolRequired)
    {
        Symbol.Required = symbolRequired;
        command.Options.Add(Symbol);
        command.Options.Add(Market);
    }

    /// <summary>The parsed symbol (null when absent and optional) and the settings, or the usage error already printed.</summary>
    public async Task<(bool Ok, Core.Model.Symbol? Symbol, Services.Configuration.TradingSettings Settings, int Exit)> ReadAsync(ParseResult parse)
    {
        if (!DataOptions.TryGetSymbol(parse, Symbol, out var symbol)) return (false, null, null!, TradingCli.UsageError);
        var market = (parse.GetValue(Market) ?? "usdm").Trim().ToLowerInvariant();
        if (market != "usdm")
        {
            await Console.Error.WriteLineAsync($"error: --market '{market}': the futures commands serve usdm only (spot has `trading portfolio show` and `trading order`)");
            return (false, null, null!, TradingCli.UsageError);
        }
        if (!CliSettings.TryLoad(parse, out var settings, out var exit)) return (false, null, settings, exit);
        if (!FuturesAccountReader.HasCredentials(settings))
        {
            await Console.Error.WriteLineAsync("error: the futures commands need BINANCE_API_KEY and BINANCE_API_SECRET");
            return (false, null, settings, TradingCli.UsageError);
        }
        return (true, symbol, settings, 0);
    }

    public static BinanceFuturesClient Client(HttpClient http, Services.Configuration.TradingSettings settings) => FuturesAccountReader.Client(http, settings);

    /// <summary>
    /// Runs <paramref name="body"/>: a refusal for the input (an unknown symbol, a leverage outside the brackets, settings
    /// that cannot change) is one <c>error:</c> line and exit 2, an outage or ban exit 1.
    /// </summary>
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception e) when (FuturesAccountReader.IsInputRefusal(e))
        {
            await Console.Error.WriteLineAsync($"error: {FuturesAccountReader.Describe(e)}");
            return TradingCli.UsageError;
        }
        catch (Exception e) when (FuturesAccountReader.IsVenueFailure(e))
        {
            await Console.Error.WriteLineAsync($"error: {FuturesAccountReader.Describe(e)}");
            return StoreCommand.RuntimeError;
        }
    }
}
