using System.CommandLine;
using Trading.Cli.Commands.Db;
using Trading.Services.Import;

namespace Trading.Cli.Commands.Data;

/// <summary><c>trading data sample</c>: imports the bundled data/sample candles once; later runs find them stored.</summary>
public static class SampleCommand
{
    public static Command Create()
    {
        var command = new Command("sample", "Import the bundled BTCUSDT 1m sample (data/sample) unless already stored");
        command.SetAction((parse, ct) => StoreCommand.RunAsync(parse, ct, async (store, description) =>
        {
            try
            {
                var result = await SampleData.EnsureImportedAsync(store, ct: ct);
                var verb = result.Imported ? "imported" : "already stored:";
                Console.WriteLine($"{verb} {result.Rows:N0} {SampleData.Symbol} {SampleData.Timeframe} candles " +
                    $"{DataOptions.Time(result.FirstOpenTimeMs)} to {DataOptions.Time(result.LastOpenTimeMs)} in {description}");
                return 0;
            }
            catch (Exception e) when (e is DirectoryNotFoundException or InvalidDataException)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return StoreCommand.RuntimeError;
            }
        }, migrate: true));
        return command;
    }
}
