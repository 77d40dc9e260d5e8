using System.Globalization;
using Spectre.Console;
using Trading.Cli.Output;

namespace Trading.Cli.Commands.Order;

/// <summary>How orders print: one line for a single order, a table for a list.</summary>
internal static class OrderTable
{
    public static string Describe(Core.Model.Order o) => string.Create(CultureInfo.InvariantCulture,
        $"order {o.Id} {o.Side.ToString().ToUpperInvariant()} {o.Quantity} {o.Symbol} {o.Type.ToString().ToUpperInvariant()}{(o.Price is { } p ? $" @ {p}" : "")}: {o.Status.ToString().ToUpperInvariant()}, filled {o.FilledQuantity}{(o.FilledQuantity > 0 ? $" @ {o.AverageFillPrice:0.########}, fees {o.Fees:0.########} {o.FeeAsset}" : "")}");

    /// <summary>An order as JSON: the API's field names, amounts rounded to the symbol's tick and step, and why it was rejected or failed.</summary>
    public static object Json(Core.Model.Order o, AmountPrecision p, string? reason = null) => new
    {
        id = o.Id, clientOrderId = o.ClientOrderId, signalId = o.SignalId, botId = o.BotId, symbol = o.Symbol.Name, side = o.Side, type = o.Type,
        price = o.Price is { } price ? p.Price(o.Symbol.Name, price) : (decimal?)null, quantity = p.Quantity(o.Symbol.Name, o.Quantity),
        filledQuantity = p.Quantity(o.Symbol.Name, o.FilledQuantity), averageFillPrice = p.Price(o.Symbol.Name, o.AverageFillPrice),
        fees = o.Fees, feeAsset = o.FeeAsset, status = o.Status, reason, createdAt = o.CreatedAt, updatedAt = o.UpdatedAt,
    };

    /// <summary>The orders as a table, then one line per rejected or failed order with its reason.</summary>
    public static void Print(IReadOnlyList<Core.Model.Order> orders, AmountPrecision p, IReadOnlyDictionary<string, string> reasons)
    {
        var table = new Table().AddColumns("Id", "Created (UTC)", "Symbol", "Side", "Type", "Price", "Quantity", "Filled", "Avg price", "Status");
        foreach (var o in orders)
        {
            table.AddRow(o.Id, o.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), o.Symbol.Name,
                o.Side.ToString().ToUpperInvariant(), o.Type.ToString().ToUpperInvariant(), o.Price is { } price ? p.PriceText(o.Symbol.Name, price) : "-",
                p.QuantityText(o.Symbol.Name, o.Quantity), p.QuantityText(o.Symbol.Name, o.FilledQuantity),
                o.FilledQuantity > 0 ? p.PriceText(o.Symbol.Name, o.AverageFillPrice) : "-", o.Status.ToString().ToUpperInvariant());
        }
        CliConsole.Create().Write(table);
        foreach (var o in orders.Where(o => reasons.ContainsKey(o.Id)))
            Console.WriteLine($"order {o.Id} {o.Status.ToString().ToUpperInvariant()}: {reasons[o.Id]}");
        Console.WriteLine($"{orders.Count} order(s)");
    }
}
