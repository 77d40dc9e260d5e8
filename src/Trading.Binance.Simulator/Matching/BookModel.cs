using Trading.Core.Model;
using Trading.Core.Risk;

namespace Trading.Binance.Simulator.Matching;

/// <summary>One price level of the modelled book.</summary>
public sealed record BookLevel(decimal Price, decimal Quantity);

/// <summary>
/// The order book the simulator derives from the replay: around the last price, half the spread away on each side, then
/// one level every <see cref="SimulatorTradingOptions.LevelStepBps"/>, each holding an equal part of the last bar's volume.
/// A taker order walks it level by level, so a large order pays the spread and slips.
/// </summary>
internal static class BookModel
{
    private const decimal Bps = 10_000m;

    /// <summary>The side a taker on <paramref name="takerSide"/> trades against: asks (ascending) for a buy, bids (descending) for a sell.</summary>
    public static IReadOnlyList<BookLevel> Side(OrderSide takerSide, decimal last, decimal barVolume, SymbolFilters f, SimulatorTradingOptions o)
    {
        var levels = new List<BookLevel>(o.DepthLevels);
        var perLevel = Math.Max(f.RoundQuantity(barVolume * o.BookShareOfBarVolume / o.DepthLevels), f.MinQuantity);
        var tick = f.TickSize > 0 ? f.TickSize : 0.00000001m;
        for (var i = 0; i < o.DepthLevels; i++)
        {
            var offset = (o.SpreadBps / 2 + i * o.LevelStepBps) / Bps;
            var price = takerSide == OrderSide.Buy
                ? StepRounding.CeilingAsDivision(last * (1 + offset), tick)
                : StepRounding.FloorAsDivision(last * (1 - offset), tick);
            if (levels.Count > 0 && (takerSide == OrderSide.Buy ? price <= levels[^1].Price : price >= levels[^1].Price))
                price = levels[^1].Price + (takerSide == OrderSide.Buy ? tick : -tick);
            if (price <= 0) break;
            levels.Add(new BookLevel(price, perLevel));
        }
        return levels;
    }

    /// <summary>
    /// The trades a taker makes: levels in order, none beyond <paramref name="limit"/>, until <paramref name="quantity"/>
    /// (or, when it is null, <paramref name="quoteAmount"/> of quote, in whole steps) is taken or the book is exhausted.
    /// </summary>
    public static List<BookLevel> Walk(IReadOnlyList<BookLevel> side, OrderSide takerSide, decimal? quantity, decimal? quoteAmount, decimal? limit, SymbolFilters f)
    {
        var takes = new List<BookLevel>();
        var remaining = quantity ?? 0m;
        var remainingQuote = quoteAmount ?? 0m;
        foreach (var level in side)
        {
            if (limit is { } l && (takerSide == OrderSide.Buy ? level.Price > l : level.Price < l)) break;
            var wanted = quantity is null ? f.RoundQuantity(remainingQuote / level.Price) : remaining;
            var take = Math.Min(wanted, level.Quantity);
            if (take <= 0) break;
            takes.Add(level with { Quantity = take });
            remaining -= take;
            remainingQuote -= take * level.Price;
            if (quantity is not null && remaining == 0) break;
        }
        return takes;
    }
}
