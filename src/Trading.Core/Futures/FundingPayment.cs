using Trading.Core.Model;

namespace Trading.Core.Futures;

/// <summary>One funding settlement booked to the account: <see cref="Amount"/> is negative when paid, positive when received.</summary>
public readonly record struct FundingPayment(Symbol Symbol, PositionSide PositionSide, int Direction, DateTimeOffset Time, decimal Quantity, decimal MarkPrice, decimal Rate, decimal Amount);
