using System.Globalization;
using Spectre.Console;
using Trading.Cli.Output;
using Trading.Core.Model;
using Trading.Core.Portfolio;

namespace Trading.Cli.Commands.Portfolio;

/// <summary>How an account and its positions print, in tables and as JSON, at the stored filters' precision.</summary>
internal sealed class PortfolioView(AmountPrecision precision, string quoteAsset)
{
    public string Quote(decimal value) => precision.AssetText(quoteAsset, value);

    /// <summary>Symbol, quantity, entry, last price, value, unrealised and realised PnL and fees of each position.</summary>
    public Table PositionsTable(IEnumerable<Position> positions)
    {
        var table = new Table().AddColumns("Symbol", "Quantity", "Entry", "Last", "Value", "Unrealised", "Realised", "Fees");
        foreach (var p in positions)
        {
            var s = p.Symbol.Name;
            table.AddRow(s, precision.QuantityText(s, p.Quantity), precision.PriceText(s, p.AverageEntryPrice), precision.PriceText(s, p.CurrentPrice),
                Quote(p.MarketValue), Quote(p.UnrealizedPnl), Quote(p.RealizedPnl), Quote(p.FeesPaid));
        }
        return table;
    }

    public string Summary(PortfolioAccount a) => string.Create(CultureInfo.InvariantCulture,
        $"equity {Quote(a.Equity)} {a.QuoteAsset}  cash {Quote(a.Cash)}  unrealised {Quote(a.UnrealizedPnl)}  realised {Quote(a.RealizedPnl)}  fees {Quote(a.FeesPaid)}  today {Quote(a.DailyPnl)}  drawdown {a.Drawdown:P2}");

    public object PositionJson(Position p) => new
    {
        symbol = p.Symbol.Name, quantity = precision.Quantity(p.Symbol.Name, p.Quantity), averageEntryPrice = precision.Price(p.Symbol.Name, p.AverageEntryPrice),
        currentPrice = precision.Price(p.Symbol.Name, p.CurrentPrice), marketValue = precision.Asset(quoteAsset, p.MarketValue),
        unrealizedPnl = precision.Asset(quoteAsset, p.UnrealizedPnl), realizedPnl = precision.Asset(quoteAsset, p.RealizedPnl),
        feesPaid = precision.Asset(quoteAsset, p.FeesPaid), openedAt = p.OpenedAt,
    };

    public object AccountJson(PortfolioAccount a, IEnumerable<Position> positions) => new
    {
        quoteAsset = a.QuoteAsset,
        balances = a.OpenPositions().Select(p => new { asset = p.Symbol.BaseAsset, free = precision.Asset(p.Symbol.BaseAsset, p.Quantity) })
            .Prepend(new { asset = a.QuoteAsset, free = precision.Asset(a.QuoteAsset, a.Cash) }),
        positions = positions.Select(PositionJson),
        equity = precision.Asset(quoteAsset, a.Equity), cash = precision.Asset(quoteAsset, a.Cash),
        unrealizedPnl = precision.Asset(quoteAsset, a.UnrealizedPnl), realizedPnl = precision.Asset(quoteAsset, a.RealizedPnl),
        feesPaid = precision.Asset(quoteAsset, a.FeesPaid), dailyPnl = precision.Asset(quoteAsset, a.DailyPnl), drawdown = Math.Round(a.Drawdown, 6),
    };

    public object SnapshotJson(PortfolioSnapshot s) => new
    {
        time = s.Time, equity = precision.Asset(quoteAsset, s.Equity), cash = precision.Asset(quoteAsset, s.Cash),
        positionsValue = precision.Asset(quoteAsset, s.PositionsValue), realizedPnl = precision.Asset(quoteAsset, s.RealizedPnl),
        unrealizedPnl = precision.Asset(quoteAsset, s.UnrealizedPnl), dailyPnl = precision.Asset(quoteAsset, s.DailyPnl),
        drawdown = Math.Round(s.Drawdown, 6), botId = s.BotId,
    };
}
