using Trading.Services.Bots;

namespace Trading.Api.Contracts;

/// <summary>One bot as GET /bots shows it: its definition, state (running, stopped, lost, never started), runtime and orders.</summary>
public sealed record BotResponse(
    string Id,
    string Strategy,
    IReadOnlyList<string> Symbols,
    string Timeframe,
    IReadOnlyDictionary<string, string> Parameters,
    string State,
    bool Running,
    bool Faulted,
    string? Mode,
    int? Pid,
    string? Host,
    DateTimeOffset? StartedAt,
    DateTimeOffset? HeartbeatAt,
    DateTimeOffset? StoppedAt,
    string? StopReason,
    int OpenOrders,
    int Orders,
    string? LastSignal,
    string? LastOrder)
{
    public static BotResponse From(BotStatusView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var (bot, runtime) = (view.Bot, view.Runtime);
        return new BotResponse(bot.Id, bot.Strategy, runtime?.Symbols ?? bot.Symbols, runtime?.Timeframe ?? bot.Timeframe, bot.Parameters,
            view.State, view.IsRunning, view.Faulted, runtime?.Mode, runtime?.Pid, runtime?.Host, runtime?.StartedAt, runtime?.Heartbeat,
            runtime?.StoppedAt, runtime?.StopReason, view.OpenOrders, view.Orders, runtime?.LastSignal, runtime?.LastOrder);
    }
}

/// <summary>POST /bots: a configured bot by name, or an ad hoc one (strategy, symbols, timeframe, parameters).</summary>
public sealed record StartBotRequest(
    string? Bot,
    string? Id,
    string? Strategy,
    IReadOnlyList<string>? Symbols,
    string? Timeframe,
    IReadOnlyDictionary<string, string>? Parameters);
