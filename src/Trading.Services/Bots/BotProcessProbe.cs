using System.Diagnostics;

namespace Trading.Services.Bots;

/// <summary>
/// Whether a bot's recorded process still lives. On this host the pid answers at once (a kill -9 is seen immediately, and a
/// pid reused by a younger process does not count); a process on another host counts as alive until its heartbeat is stale.
/// </summary>
public static class BotProcessProbe
{
    /// <summary>Process start times come from the kernel's clock ticks; a bot records its start a little after that.</summary>
    private static readonly TimeSpan StartTolerance = TimeSpan.FromSeconds(2);

    public static bool IsOnThisHost(BotRuntimeState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return string.Equals(state.Host, Environment.MachineName, StringComparison.Ordinal);
    }

    /// <summary>True when the running record's process is gone: dead by pid on this host, or silent too long elsewhere.</summary>
    public static bool IsGone(BotRuntimeState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.IsRunning) return false;
        return IsOnThisHost(state) ? !IsAlive(state.Pid, state.StartedAt) : state.IsLost(now, BotRuntimeOptions.StaleAfter);
    }

    /// <summary>True when <paramref name="pid"/> runs and was started no later than <paramref name="startedAt"/>.</summary>
    public static bool IsAlive(int pid, DateTimeOffset startedAt)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited || IsZombie(pid)) return false;
            return process.StartTime.ToUniversalTime() <= startedAt.UtcDateTime + StartTolerance;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>A killed child its parent has not reaped yet still has a pid; Linux marks it Z in /proc/PID/stat.</summary>
    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var end = stat.LastIndexOf(')');
            return end > 0 && end + 2 < stat.Length && stat[end + 2] == 'Z';
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
