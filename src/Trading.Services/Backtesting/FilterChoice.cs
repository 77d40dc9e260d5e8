using Trading.Core.Model;

namespace Trading.Services.Backtesting;

/// <summary>The filters a backtest trades with, where they came from, and the one warning line to print when they were guessed.</summary>
public sealed record FilterChoice(SymbolFilters Filters, string Source, string? Warning = null);
