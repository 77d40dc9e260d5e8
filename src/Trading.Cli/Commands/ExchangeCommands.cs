using System.CommandLine;
using Trading.Cli.Commands.Exchange;

namespace Trading.Cli.Commands;

public static class ExchangeCommands
{
    private const string WaitsFor = "the market-data capability (issue 3)";

    public static Command Create()
    {
        var command = new Command("exchange", "Exchange rules (exchangeInfo) and the Binance-compatible simulator");
        command.Subcommands.Add(InfoCommand.Create());
        command.Subcommands.Add(SimulateCommand.Create());
        return command;
    }
}
