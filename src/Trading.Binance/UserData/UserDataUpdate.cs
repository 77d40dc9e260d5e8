using Trading.Binance.Orders;
using Trading.Core.Model;

namespace Trading.Binance.UserData;

/// <summary>One event of the user data stream, mapped to domain types.</summary>
public abstract record UserDataUpdate(long EventTimeMs);

/// <summary>
/// executionReport. <see cref="ExecutionType"/> is Binance's x (NEW, TRADE, CANCELED, REJECTED, EXPIRED, ...);
/// <see cref="LastFill"/> is set for x=TRADE, with its commission. <see cref="ClientOrderId"/> is always the order's own id
/// (for a cancel Binance puts it in "C" and the cancel request's id in "c"; the latter is <see cref="CancelClientOrderId"/>).
/// </summary>
public sealed record OrderUpdate(
    long EventTimeMs,
    Symbol Symbol,
    long OrderId,
    string ClientOrderId,
    string? CancelClientOrderId,
    OrderSide Side,
    OrderType Type,
    string ExecutionType,
    OrderStatus Status,
    decimal? Price,
    decimal Quantity,
    decimal CumulativeQuantity,
    decimal CumulativeQuoteQuantity,
    ExchangeFill? LastFill,
    string? RejectReason,
    long TransactionTimeMs) : UserDataUpdate(EventTimeMs);

/// <summary>outboundAccountPosition: the new free/locked amounts of the assets that changed.</summary>
public sealed record AccountPositionUpdate(long EventTimeMs, long LastUpdateTimeMs, IReadOnlyList<AssetBalance> Balances)
    : UserDataUpdate(EventTimeMs);

/// <summary>balanceUpdate: a deposit, withdrawal or transfer changed <see cref="Asset"/> by <see cref="Delta"/>.</summary>
public sealed record BalanceDelta(long EventTimeMs, string Asset, decimal Delta, long ClearTimeMs) : UserDataUpdate(EventTimeMs);

/// <summary>The connection was lost and the subscription is active again; reconcile orders and balances over REST.</summary>
public sealed record UserDataReconnected(long EventTimeMs, int Reconnects, string Cause) : UserDataUpdate(EventTimeMs);

/// <summary>The connection or subscription was lost (eventStreamTerminated, a drop, a failed subscribe); a reconnect follows.</summary>
public sealed record UserDataDisconnected(long EventTimeMs, string Cause) : UserDataUpdate(EventTimeMs);

/// <summary>A frame that could not be read (bad JSON, an unsupported order type); nothing from it is used.</summary>
public sealed record UserDataMalformed(long EventTimeMs, string Reason) : UserDataUpdate(EventTimeMs);
