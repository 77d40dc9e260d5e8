using Trading.Core.Model;

namespace Trading.Core.Futures;

/// <summary>A symbol's leverage brackets, lowest notional first (docs/futures.md, "Leverage brackets").</summary>
public sealed class LeverageBrackets
{
    private readonly LeverageBracket[] _brackets;

    public LeverageBrackets(Symbol symbol, IReadOnlyList<LeverageBracket> brackets)
    {
        ArgumentNullException.ThrowIfNull(brackets);
        if (brackets.Count == 0) throw new ArgumentException($"{symbol} needs at least one leverage bracket.", nameof(brackets));
        _brackets = [.. brackets.OrderBy(b => b.NotionalFloor)];
        for (var i = 0; i < _brackets.Length; i++)
        {
            var b = _brackets[i];
            if (b.InitialLeverage < 1 || b.MaintMarginRatio is <= 0 or >= 1 || b.NotionalCap <= b.NotionalFloor || b.Cum < 0)
                throw new ArgumentException($"{symbol} leverage bracket {b.Bracket} is invalid: {b}.", nameof(brackets));
            if (i > 0 && b.NotionalFloor != _brackets[i - 1].NotionalCap)
                throw new ArgumentException($"{symbol} leverage bracket {b.Bracket} does not start where bracket {_brackets[i - 1].Bracket} ends.", nameof(brackets));
        }
        Symbol = symbol;
    }

    public Symbol Symbol { get; }

    public IReadOnlyList<LeverageBracket> All => _brackets;

    /// <summary>The highest leverage the symbol allows at all (its first bracket's).</summary>
    public int MaxLeverage => _brackets[0].InitialLeverage;

    /// <summary>The bracket of a position of <paramref name="notional"/>; the last bracket above its cap.</summary>
    public LeverageBracket For(decimal notional)
    {
        foreach (var b in _brackets)
        {
            if (notional < b.NotionalCap) return b;
        }
        return _brackets[^1];
    }

    /// <summary>The highest leverage allowed for a position of <paramref name="notional"/>.</summary>
    public int MaxLeverageFor(decimal notional) => For(notional).InitialLeverage;
}
