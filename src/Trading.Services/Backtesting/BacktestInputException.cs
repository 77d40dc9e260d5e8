namespace Trading.Services.Backtesting;

/// <summary>Bad backtest input (unknown strategy, bad parameter, empty range…): one line for the user, nothing stored.</summary>
public sealed class BacktestInputException(string message) : Exception(message);
