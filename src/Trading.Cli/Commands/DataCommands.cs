using System.CommandLine;
using Trading.Cli.Commands.Data;

namespace Trading.Cli.Commands;

public static class DataCommands
{
    private const string WaitsFor = "the market-data capability (issue 3)";

    public static Command Create()
    {
        var command = new Command("data", "Market data: collect, backfill, import, list, gaps");
        command.Subcommands.Add(CollectCommand.Create());
        command.Subcommands.Add(HistoryCommand.Create());
        command.Subcommands.Add(ImportCommand.Create());
        command.Subcommands.Add(ListCommand.Create());
        command.Subcommands.Add(GapsCommand.Create());
        command.Subcommands.Add(AggregateCommand.Create());
        command.Subcommands.Add(SampleCommand.Create());
        command.Subcommands.Add(ResampleCommand.Create());
        return command;
    }
}
