using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using static Trading.Cli.Commands.Futures.FuturesPositionsCommand;

namespace Trading.Cli.Commands.Futures;

/// <summary>
/// <c>trading futures funding --symbol X [--limit N]</c>: the mark price, the current funding rate and the next funding
/// time, the recent settlements, and the funding this account paid (negative) and received.
/// </summary>
internal static class FuturesFundingCommand
{
    public static Command Create()
    {
        var cli = new FuturesCli();
        var limit = new Option<int>("--limit") { Description = "How many recent settlements and payments (1..1000)", DefaultValueFactory = _ => 20 };
        var command = new Command("funding", "Show a USDⓈ-M symbol's funding rate, its recent settlements and the funding paid and received");
        cli.AddTo(command, symbolRequired: true);
        command.Options.Add(limit);
        command.SetAction(async (parse, ct) =>
        {
            var (ok, symbol, settings, exit) = await cli.ReadAsync(parse);
            if (!ok) return exit;
            var count = parse.GetValue(limit);
            if (count is < 1 or > 1000)
            {
                await Console.Error.WriteLineAsync($"error: --limit {count} is outside 1..1000");
                return TradingCli.UsageError;
            }
            using var http = new HttpClient();
            var client = FuturesCli.Client(http, settings);
            return await FuturesCli.RunAsync(async () =>
            {
                var mark = await client.GetMarkPriceAsync(symbol!.Value, ct);
                var settlements = await client.GetFundingRatesAsync(symbol.Value, limit: count, ct: ct);
                var payments = await client.GetIncomeAsync(symbol.Value, "FUNDING_FEE", limit: count, ct: ct);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{symbol} mark {Text(mark.MarkPrice)}, funding rate {Text(mark.LastFundingRate)}, next funding {Time(mark.NextFundingTimeMs)}"));
                var table = new Table().AddColumns("Funding time (UTC)", "Rate", "Mark", "Paid (-) / received (+)");
                foreach (var s in settlements)
                {
                    var paid = payments.Where(p => p.TimeMs == s.FundingTimeMs).Sum(p => p.Amount);
                    table.AddRow(Time(s.FundingTimeMs), Text(s.Rate), Text(s.MarkPrice), payments.Any(p => p.TimeMs == s.FundingTimeMs) ? Text(paid) : "-");
                }
                CliConsole.Create().Write(table);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{settlements.Count} settlement(s); funding paid {Text(payments.Where(p => p.Amount < 0).Sum(p => p.Amount))} USDT, received {Text(payments.Where(p => p.Amount > 0).Sum(p => p.Amount))} USDT"));
                return 0;
            });
        });
        return command;
    }

    private static string Time(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
