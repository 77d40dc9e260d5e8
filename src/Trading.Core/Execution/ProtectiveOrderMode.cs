namespace Trading.Core.Execution;

/// <summary>
/// Where a filled entry's stop-loss and take-profit live (protective_orders). Local: the kernel watches closed candles and
/// sends the exit (backtest, paper, and testnet/live when chosen). Exchange: they are placed at the exchange as one order
/// list (OCO) once the entry filled, so the position stays protected while the bot is down (testnet and live).
/// </summary>
public enum ProtectiveOrderMode
{
    Local,
    Exchange,
}
