using System.Diagnostics;

namespace Trading.Services.Bots;

/// <summary>How this host runs the <c>trading</c> command again: the same executable (an apphost, or <c>dotnet trading.dll</c>).</summary>
public static class TradingCommand
{
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
        return info;
    }
}
