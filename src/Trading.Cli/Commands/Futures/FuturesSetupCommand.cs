using System.CommandLine;
using Trading.Binance.Futures;

namespace Trading.Cli.Commands.Futures;

/// <summary>
/// <c>trading futures setup --symbol BTCUSDT [--leverage N]</c>: hedge mode, isolated margin and the leverage (default
/// RISK_FUTURES_MAX_LEVERAGE, the document's 2×), changing only what differs; prints each setting and whether it changed.
/// </summary>
internal static class FuturesSetupCommand
{
    public static Command Create()
    {
        var cli = new FuturesCli();
        var leverage = new Option<int?>("--leverage") { Description = "Leverage for the symbol (default RISK_FUTURES_MAX_LEVERAGE); at most that limit and the symbol's bracket" };
        var command = new Command("setup", "Set hedge mode, isolated margin and the configured leverage for a USDⓈ-M symbol (idempotent)");
        cli.AddTo(command, symbolRequired: true);
        command.Options.Add(leverage);
        command.SetAction(async (parse, ct) =>
        {
            var (ok, symbol, settings, exit) = await cli.ReadAsync(parse);
            if (!ok) return exit;
            var wanted = parse.GetValue(leverage) ?? settings.RiskFuturesMaxLeverage;
            if (wanted < 1 || wanted > settings.RiskFuturesMaxLeverage)
            {
                await Console.Error.WriteLineAsync($"error: --leverage {wanted} is outside 1..{settings.RiskFuturesMaxLeverage} (RISK_FUTURES_MAX_LEVERAGE)");
                return TradingCli.UsageError;
            }
            using var http = new HttpClient();
            var client = FuturesCli.Client(http, settings);
            return await FuturesCli.RunAsync(async () =>
            {
                var steps = await FuturesSetup.ApplyAsync(client, [new FuturesSymbolSettings(symbol!.Value, wanted)], ct);
                foreach (var step in steps) Console.WriteLine($"{step.Setting}: {step.Value} ({(step.Changed ? "set" : "already")})");
                return 0;
            });
        });
        return command;
    }
}
