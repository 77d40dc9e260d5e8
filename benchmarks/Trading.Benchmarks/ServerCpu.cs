using System.Globalization;

namespace Trading.Benchmarks;

/// <summary>
/// CPU time used so far by a PostgreSQL server: the postmaster (with its reaped backends) plus its live children,
/// read from /proc. Lets a figure taken on a loaded machine be stated as CPU cost, independent of the load.
/// </summary>
internal static class ServerCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan Read(int postmasterPid)
    {
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue; // exited meanwhile
            }
            // Fields after "pid (comm) ": state ppid ... utime(14) stime(15) cutime(16) cstime(17), counted from pid = 1.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ppid = int.Parse(fields[1], CultureInfo.InvariantCulture);
            long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
            if (pid == postmasterPid) ticks += Field(14) + Field(15) + Field(16) + Field(17);
            else if (ppid == postmasterPid) ticks += Field(14) + Field(15);
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    public static int PostmasterPid(string dataDirectory) =>
        int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
}
