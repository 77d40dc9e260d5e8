using System.CommandLine;
using Trading.Cli.Commands.Futures;

namespace Trading.Cli.Commands;

/// <summary><c>trading futures setup|positions|funding</c>: the USDⓈ-M account on Binance, its testnet or the simulator (docs/futures.md).</summary>
public static class FuturesCommands
{
    public static Command Create()
    {
        var command = new Command("futures", "USDⓈ-M futures: hedge-mode setup, positions and funding");
        command.Subcommands.Add(FuturesSetupCommand.Create());
        command.Subcommands.Add(FuturesPositionsCommand.Create());
        command.Subcommands.Add(FuturesFundingCommand.Create());
        return command;
    }
}
