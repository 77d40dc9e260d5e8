using System.CommandLine;
using System.Globalization;
using Trading.Cli.Commands.Db;
using Trading.Services.Execution;
using Trading.Services.Portfolio;

namespace Trading.Cli.Commands.Portfolio;

/// <summary>
/// <c>trading portfolio repair</c>: when stored fills cannot be replayed (the books disagree), books each shortfall as a
/// balance adjustment just before the fill (<see cref="PortfolioRepair"/>) and prints one line per adjustment.
/// </summary>
public static class PortfolioRepairCommand
{
    public static Command Create()
    {
        var command = new Command("repair", "Book each shortfall that stops the stored fills from replaying as a balance adjustment");
        command.SetAction(async (parse, ct) =>
        {
            if (!CliSettings.TryLoad(parse, out var settings, out var exit)) return exit;
            return await StoreCommand.ReadAsync(parse, ct, async (store, _) =>
            {
                var initial = ExecutionServiceCollectionExtensions.OptionsFrom(settings, ExecutionMode.Paper).InitialQuoteBalance;
                var added = await PortfolioRepair.RepairAsync(store, initial, ct);
                foreach (var a in added)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"adjusted {a.Asset} by {a.Delta} at {a.Time:yyyy-MM-dd HH:mm:ss.fff}: {a.Reason}"));
                Console.WriteLine(added.Count == 0 ? "the books agree: nothing to repair" : $"{added.Count} adjustment(s) stored; the stored fills now replay");
                return 0;
            });
        });
        return command;
    }
}
