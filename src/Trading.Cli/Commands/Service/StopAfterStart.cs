using Microsoft.Extensions.Hosting;

namespace Trading.Cli.Commands.Service;

/// <summary>
/// Runs a host so that a stop request (Ctrl+C, SIGTERM) during its start-up is taken once it has started: the start itself
/// is never cancelled, because a cancelled start cancels the services already running and the host reports them as faulted;
/// the stop then runs the normal graceful shutdown.
/// </summary>
internal static class StopAfterStart
{
    public static Task StartAsync(IHost host) => host.StartAsync(CancellationToken.None);

    public static async Task RunAsync(IHost host, CancellationToken ct)
    {
        await StartAsync(host);
        await host.WaitForShutdownAsync(ct);
    }
}
