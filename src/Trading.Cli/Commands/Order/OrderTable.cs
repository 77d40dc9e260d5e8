using System.Globalization;
using Spectre.Console;

namespace Trading.Cli.Commands.Order;

/// <summary>How orders print: one line for a single order, a table for a list.</summary>
internal static class OrderTable
{
    public static string Describe(Core.Model.Order o) => string.Create(CultureInfo.InvariantCulture,
        $"order {o.Id} {o.Side.ToString().ToUpperInvariant()} {o.Quantity} {o.Symbol} {o.Type.ToString().ToUpperInvariant()}{(o.Price is { } p ? $" @ {p}" : "")}: {o.Status.ToString().ToUpperInvariant()}, filled {o.FilledQuantity}{(o.FilledQuantity > 0 ? $" @ {o.AverageFillPrice:0.########}, fees {o.Fees:0.########} {o.FeeAsset}" : "")}");

    public static void Print(IReadOnlyList<Core.Model.Order> orders)
    {
        var table = new Table().AddColumns("Id", "Created (UTC)", "Symbol", "Side", "Type", "Price", "Quantity", "Filled", "Avg price", "Status");
        foreach (var o in orders)
        {
            table.AddRow(o.Id, o.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), o.Symbol.Name,
                o.Side.ToString().ToUpperInvariant(), o.Type.ToString().ToUpperInvariant(), o.Price?.ToString(CultureInfo.InvariantCulture) ?? "-",
                o.Quantity.ToString(CultureInfo.InvariantCulture), o.FilledQuantity.ToString(CultureInfo.InvariantCulture),
                o.FilledQuantity > 0 ? o.AverageFillPrice.ToString("0.########", CultureInfo.InvariantCulture) : "-", o.Status.ToString().ToUpperInvariant());
        }
        CliConsole.Create().Write(table);
        Console.WriteLine($"{orders.Count} order(s)");
    }
}
