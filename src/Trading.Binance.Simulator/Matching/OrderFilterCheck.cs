using Trading.Core.Model;

namespace Trading.Binance.Simulator.Matching;

/// <summary>The symbol filters Binance checks before it accepts an order, with its -1013 answers.</summary>
internal static class OrderFilterCheck
{
    public static void Check(SymbolFilters f, NewSimulatedOrder request, decimal price)
    {
        if (request.Type == OrderType.Limit && (price < f.MinPrice || price > f.MaxPrice || !f.IsOnTick(price)))
            throw SimulatorRejection.Filter("PRICE_FILTER");
        if (request.StopPrice is { } stop && (stop < f.MinPrice || stop > f.MaxPrice || !f.IsOnTick(stop)))
            throw SimulatorRejection.Filter("PRICE_FILTER");
        if (request.QuoteOrderQty is { } quote)
        {
            if (quote < f.MinNotional) throw SimulatorRejection.Filter("NOTIONAL");
            return;
        }
        if (request.Quantity < f.MinQuantity || request.Quantity > f.MaxQuantity || !f.IsOnStep(request.Quantity))
            throw SimulatorRejection.Filter("LOT_SIZE");
        var notional = price * request.Quantity;
        if (notional < f.MinNotional || (request.Type == OrderType.Limit && notional > f.MaxNotional))
            throw SimulatorRejection.Filter("NOTIONAL");
    }
}
