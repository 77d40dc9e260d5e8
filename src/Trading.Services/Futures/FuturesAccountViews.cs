namespace Trading.Services.Futures;

/// <summary>
/// One open USDⓈ-M position as the venue reports it: side (LONG or SHORT, in one-way mode from the sign of the size), size, entry
/// and mark price, unrealized PnL, liquidation price (0: none), leverage, isolated margin, margin type, notional, and the funding
/// booked on its symbol in the account's recent funding history (negative: paid).
/// </summary>
public sealed record FuturesPositionView(string Symbol, string Side, decimal Size, decimal EntryPrice, decimal MarkPrice, decimal UnrealizedPnl,
    decimal LiquidationPrice, int Leverage, decimal Margin, string MarginType, decimal Notional, decimal Funding);

/// <summary>The open positions and the account's USDT totals (GET /fapi/v2/positionRisk and /fapi/v2/account).</summary>
public sealed record FuturesPositionsView(IReadOnlyList<FuturesPositionView> Positions, decimal WalletBalance, decimal AvailableBalance, decimal UnrealizedPnl);

/// <summary>One funding settlement of the symbol and what this account paid (negative) or received at it; null when it held nothing then.</summary>
public sealed record FuturesSettlementView(DateTimeOffset FundingTime, decimal Rate, decimal MarkPrice, decimal? Amount);

/// <summary>A symbol's mark price, current funding rate and next funding time, its recent settlements, and the funding paid and received.</summary>
public sealed record FuturesFundingView(string Symbol, decimal MarkPrice, decimal FundingRate, DateTimeOffset NextFundingTime,
    IReadOnlyList<FuturesSettlementView> Settlements, decimal Paid, decimal Received);
