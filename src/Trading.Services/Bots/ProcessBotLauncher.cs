using System.Diagnostics;

namespace Trading.Services.Bots;

/// <summary>
/// Starts <c>trading ARGS</c> as a background process of this host with this process's environment (so the same store and
/// bus), its output appended to <c>{logDirectory}/bot-{id}.log</c>. The child outlives the supervisor: a bot keeps trading
/// while its supervisor restarts.
/// </summary>
public sealed class ProcessBotLauncher(string logDirectory) : IBotLauncher
{
    /// <summary>Marks the child as started by the supervisor (see <see cref="BotRuntimeOptions.StartedBySupervisor"/>).</summary>
    public const string RestartedVariable = "TRADING_BOT_STARTED_BY_SUPERVISOR";

    private readonly List<Process> _children = [];

    public int Launch(BotRuntimeState bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        if (bot.Arguments.Count == 0) throw new InvalidOperationException($"bot {bot.BotId} recorded no start arguments");
        Directory.CreateDirectory(logDirectory);
        var log = Path.Combine(logDirectory, $"bot-{bot.BotId}.log");
        var info = TradingCommand.StartInfo(bot.Arguments);
        info.ArgumentList.Insert(0, "-c");
        info.ArgumentList.Insert(1, "exec \"$0\" \"$@\" >>\"$TRADING_BOT_LOG\" 2>&1");
        info.ArgumentList.Insert(2, info.FileName);
        info.FileName = "/bin/sh";
        info.Environment["TRADING_BOT_LOG"] = log;
        info.Environment[RestartedVariable] = "1";
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start bot {bot.BotId}");
        // Kept (not disposed) so the runtime reaps the child when it ends and its pid reads as gone.
        lock (_children) _children.Add(process);
        return process.Id;
    }
}
