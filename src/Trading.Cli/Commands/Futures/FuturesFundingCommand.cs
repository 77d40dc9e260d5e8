using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Trading.Services.Futures;
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
                var view = await FuturesAccountReader.FundingAsync(client, symbol!.Value, count, ct);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{symbol} mark {Text(view.MarkPrice)}, funding rate {Text(view.FundingRate)}, next funding {Time(view.NextFundingTime)}"));
                var table = new Table().AddColumns("Funding time (UTC)", "Rate", "Mark", "Paid (-) / received (+)");
                foreach (var s in view.Settlements)
                    table.AddRow(Time(s.FundingTime), Text(s.Rate), Text(s.MarkPrice), s.Amount is { } amount ? Text(amount) : "-");
                CliConsole.Create().Write(table);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{view.Settlements.Count} settlement(s); funding paid {Text(view.Paid)} USDT, received {Text(view.Received)} USDT"));
                return 0;
            });
        });
        return command;
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
