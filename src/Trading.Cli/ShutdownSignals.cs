using System.Runtime.InteropServices;

namespace Trading.Cli;

/// <summary>
/// Records whether SIGINT or SIGTERM arrived, without changing how they are handled (the command line's own handlers cancel the
/// command), so a command cancelled by a stop request ends quietly rather than as an error.
/// </summary>
public sealed class ShutdownSignals : IDisposable
{
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;
    private volatile bool _received;

    public ShutdownSignals()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => _received = true);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => _received = true);
    }

    public bool Received => _received;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
    }
}
