using Trading.Core.Model;

namespace Trading.Api.Contracts;

/// <summary>GET /portfolio: the account rebuilt from the stored fills and marked at the latest stored prices.</summary>
public sealed record PortfolioResponse(
    string QuoteAsset,
    decimal Equity,
    decimal Cash,
    decimal UnrealizedPnl,
    decimal RealizedPnl,
    decimal Fees,
    decimal DailyPnl,
    decimal Drawdown,
    IReadOnlyList<Position> Positions,
    IReadOnlyList<string> Problems);

/// <summary>One asset of GET /balances: what the books hold.</summary>
public sealed record BalanceResponse(string Asset, decimal Free);
