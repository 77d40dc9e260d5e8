using Trading.Services.Configuration;

namespace Trading.Services.Execution;

/// <summary>Derives the execution mode from the settings; live trading needs TRADING_MODE=live and an explicit confirmation.</summary>
public static class ExecutionModes
{
    /// <summary>The mode, or a one-line problem (live mode without confirmation).</summary>
    public static bool TryResolve(TradingSettings settings, bool confirmLive, out ExecutionMode mode, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(settings);
        problem = null;
        mode = settings.DryRun
            ? ExecutionMode.DryRun
            : settings.TradingMode switch
            {
                TradingMode.Live => ExecutionMode.Live,
                TradingMode.Testnet => ExecutionMode.Testnet,
                _ => ExecutionMode.Paper,
            };
        if (mode == ExecutionMode.Live && !(confirmLive || settings.ConfirmLive))
        {
            problem = "live trading needs an explicit confirmation: set TRADING_CONFIRM_LIVE=true or pass --confirm-live";
            return false;
        }
        return true;
    }

    public static string Describe(ExecutionMode mode) => mode switch
    {
        ExecutionMode.DryRun => "DRY-RUN (signals and risk decisions are recorded, no orders are sent)",
        ExecutionMode.Paper => "PAPER (simulated fills against live prices, virtual balance)",
        ExecutionMode.Testnet => "TESTNET (Binance spot testnet)",
        _ => "LIVE (real orders on Binance with real money)",
    };

    /// <summary>The mode as a word: dry-run, paper, testnet or live.</summary>
    public static string Name(ExecutionMode mode) => mode switch
    {
        ExecutionMode.DryRun => "dry-run",
        ExecutionMode.Paper => "paper",
        ExecutionMode.Testnet => "testnet",
        _ => "live",
    };
}
