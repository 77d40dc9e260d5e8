using System.Diagnostics;

namespace Trading.Services.Bots;

/// <summary>How this host runs the <c>trading</c> command again: the same executable (an apphost, or <c>dotnet trading.dll</c>).</summary>
public static class TradingCommand
{
    /// <summary>
    /// The GC's gen0 budget, which the runtime sizes from the CPU's L3 cache (16 MB on a 32 MB L3) and a lightly loaded
    /// service fills with fresh pages before its first collection: most of a service's resident growth
    /// (BENCHMARKS.md, "Memory of trading service run"). The processes this platform starts get 4 MB unless the
    /// environment chooses; the runtime reads it only from the environment.
    /// </summary>
    public const string Gen0BudgetVariable = "DOTNET_GCgen0size";

    public const string Gen0Budget = "0x400000";

    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var executable = Environment.ProcessPath ?? throw new InvalidOperationException("the process path is unknown");
        var info = new ProcessStartInfo(executable) { UseShellExecute = false };
        var entry = Environment.GetCommandLineArgs()[0];
        // Under `dotnet trading.dll` the process is dotnet and the first argument is the assembly (an apphost reports its dll there too).
        var isDotnetHost = string.Equals(Path.GetFileNameWithoutExtension(executable), "dotnet", StringComparison.OrdinalIgnoreCase);
        if (isDotnetHost && entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) info.ArgumentList.Add(entry);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment.TryAdd(Gen0BudgetVariable, Gen0Budget);
        return info;
    }
}
