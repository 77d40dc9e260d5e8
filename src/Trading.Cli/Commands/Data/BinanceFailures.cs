using Trading.Binance.Errors;
using Trading.Cli.Commands.Db;

namespace Trading.Cli.Commands.Data;

/// <summary>Turns Binance failures (rejections, bans, outages, corrupt payloads) into one-line errors and exit code 1.</summary>
internal static class BinanceFailures
{
    /// <summary>Runs <paramref name="body"/>; returns null on success, else the exit code after printing the error.</summary>
    public static async Task<int?> CatchAsync(Func<Task> body)
    {
        try
        {
            await body();
            return null;
        }
        catch (Exception e) when (e is BinanceApiException or BinanceBannedException or BinanceUnavailableException
                                      or BinanceMalformedResponseException or HttpRequestException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return StoreCommand.RuntimeError;
        }
    }
}
