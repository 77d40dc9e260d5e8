using Microsoft.Extensions.Hosting;

namespace Trading.Cli.Commands.Service;

/// <summary>
/// Runs a host so that a stop request (Ctrl+C, SIGTERM) during its start-up is taken once it has started: the start itself
/// is never cancelled, because a cancelled start cancels the services already running and the host reports them as faulted;
/// the stop then runs the normal graceful shutdown.
/// </summary>
internal static class StopAfterStart
{
    /// <summary>Starts <paramref name="host"/> unless the stop came before the start began.</summary>
    public static Task StartAsync(IHost host, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return host.StartAsync(CancellationToken.None);
    }

    public static async Task RunAsync(IHost host, CancellationToken ct)
    {
        await StartAsync(host, ct);
        await host.WaitForShutdownAsync(ct);
    }
}
