using System.Globalization;
using StackExchange.Redis;

namespace Trading.Benchmarks;

/// <summary>
/// What a redis-server spent on a benchmark round: its CPU time (INFO cpu) and, per command, the calls and the time inside
/// them (INFO commandstats, reset at the start), so a round's cost per message can be split into XADD, XREADGROUP, XACK...
/// </summary>
internal sealed class RedisServerStats(IDatabase admin)
{
    private double _cpuAtStart;

    public static async Task<RedisServerStats> StartAsync(IDatabase admin)
    {
        await admin.ExecuteAsync("CONFIG", "RESETSTAT");
        return new RedisServerStats(admin) { _cpuAtStart = await CpuSecondsAsync(admin) };
    }

    /// <summary>Server CPU per message and the commands that took more than 1 % of it, as "XADD 1.52 µs (100,000 calls)".</summary>
    public async Task<string> DescribeAsync(int messages)
    {
        var cpu = (await CpuSecondsAsync(admin) - _cpuAtStart) * 1e6 / messages;
        var commands = new List<string>();
        foreach (var line in (await admin.ExecuteAsync("INFO", "commandstats")).ToString().Split('\n'))
        {
            if (!line.StartsWith("cmdstat_", StringComparison.Ordinal)) continue;
            var fields = line.Trim()["cmdstat_".Length..].Split(':', ',');
            var calls = long.Parse(fields[1]["calls=".Length..], CultureInfo.InvariantCulture);
            var micros = double.Parse(fields[2]["usec=".Length..], CultureInfo.InvariantCulture) / messages;
            if (micros > cpu / 100) commands.Add($"{fields[0].ToUpperInvariant()} {micros:F2} µs ({calls:N0} calls)");
        }
        return $"server {cpu:F2} µs/msg, in commands: {string.Join(", ", commands)}";
    }

    private static async Task<double> CpuSecondsAsync(IDatabase admin)
    {
        double seconds = 0;
        foreach (var line in (await admin.ExecuteAsync("INFO", "cpu")).ToString().Split('\n'))
            if (line.StartsWith("used_cpu_user:", StringComparison.Ordinal) || line.StartsWith("used_cpu_sys:", StringComparison.Ordinal))
                seconds += double.Parse(line[(line.IndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture);
        return seconds;
    }
}
