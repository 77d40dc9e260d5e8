using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using Trading.Core.Strategies;

namespace Trading.Core.Model;

/// <summary>A strategy's decision to buy or sell. Its id seeds the client order id, so it is placed at most once.</summary>
public sealed record Signal
{
    private string? _id;
    private string? _idPrefix;
    private long _idOpenTimeMs;
    private OrderSide _idSide;
    private string? _reason;
    private DeferredSignalReason? _deferredReason;

    public Signal()
    {
    }

    /// <summary>
    /// A signal whose <see cref="Id"/> is formatted from <see cref="SignalIds.Create(string, long, OrderSide)"/>'s parts
    /// on first read (a backtest never reads most of them).
    /// </summary>
#pragma warning disable CS8618 // Id is never null: its getter formats it from the parts kept here.
    [SetsRequiredMembers]
    internal Signal(string idPrefix, long openTimeMs, string strategy, Symbol symbol, OrderSide side, decimal price, DateTimeOffset createdAt)
    {
        _idPrefix = idPrefix;
        _idOpenTimeMs = openTimeMs;
        _idSide = side;
        Strategy = strategy;
        Symbol = symbol;
        Side = side;
        Price = price;
        CreatedAt = createdAt;
    }
#pragma warning restore CS8618

    public required string Id
    {
        get => _id ??= _idPrefix is null ? "" : SignalIds.Create(_idPrefix, _idOpenTimeMs, _idSide);
        init
        {
            _id = value;
            _idPrefix = null;
        }
    }

    public required string Strategy { get; init; }
    public required Symbol Symbol { get; init; }
    public required OrderSide Side { get; init; }
    public required decimal Price { get; init; }
    public decimal Quantity { get; init; }
    public string Reason
    {
        get => _reason ??= _deferredReason?.Format() ?? "";
        init
        {
            _reason = value;
            _deferredReason = null;
        }
    }
    public int Confidence { get; init; } = 50;
    public required DateTimeOffset CreatedAt { get; init; }
    public decimal? StopLoss { get; init; }
    public decimal? TakeProfit { get; init; }
    public string? BotId { get; init; }
    public IReadOnlyDictionary<string, double> Indicators { get; init; } = ReadOnlyDictionary<string, double>.Empty;

    /// <summary>Sets <see cref="Reason"/> to text formatted on first read.</summary>
    internal DeferredSignalReason? DeferredReason
    {
        init
        {
            if (value is null) return;
            _reason = null;
            _deferredReason = value;
        }
    }

    public bool Equals(Signal? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (Id == other.Id && Strategy == other.Strategy && Symbol.Equals(other.Symbol) && Side == other.Side &&
             Price == other.Price && Quantity == other.Quantity && Reason == other.Reason && Confidence == other.Confidence &&
             CreatedAt == other.CreatedAt && StopLoss == other.StopLoss && TakeProfit == other.TakeProfit && BotId == other.BotId &&
             EqualityComparer<IReadOnlyDictionary<string, double>>.Default.Equals(Indicators, other.Indicators)));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Id);
        hash.Add(Strategy);
        hash.Add(Symbol);
        hash.Add(Side);
        hash.Add(Price);
        hash.Add(Quantity);
        hash.Add(Reason);
        hash.Add(Confidence);
        hash.Add(CreatedAt);
        hash.Add(StopLoss);
        hash.Add(TakeProfit);
        hash.Add(BotId);
        hash.Add(Indicators);
        return hash.ToHashCode();
    }

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Id)) throw new ArgumentException("Signal id is required.");
        if (Price <= 0) throw new ArgumentException($"Signal price must be positive, got {Price}.");
        if (Quantity < 0) throw new ArgumentException($"Signal quantity must not be negative, got {Quantity}.");
        if (Confidence is < 0 or > 100) throw new ArgumentException($"Signal confidence must be within 0..100, got {Confidence}.");
    }
}
