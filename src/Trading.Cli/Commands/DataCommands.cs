using System.CommandLine;

namespace Trading.Cli.Commands;

public static class DataCommands
{
    private const string WaitsFor = "the market-data capability (issue 3)";

    public static Command Create()
    {
        var command = new Command("data", "Market data: collect, backfill, import, list, gaps");
        command.Subcommands.Add(PendingCapability.Create("collect", "Collect live candles over WebSocket", WaitsFor));
        command.Subcommands.Add(PendingCapability.Create("history", "Backfill candles from Binance REST", WaitsFor));
        command.Subcommands.Add(PendingCapability.Create("import", "Import data.binance.vision zips or OHLCV CSVs", WaitsFor));
        command.Subcommands.Add(PendingCapability.Create("list", "List stored series", WaitsFor));
        command.Subcommands.Add(PendingCapability.Create("gaps", "List gaps in a stored series", WaitsFor));
        return command;
    }
}
