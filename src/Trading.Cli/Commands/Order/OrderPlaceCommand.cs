using System.CommandLine;
using Trading.Core.Model;
using Symbol = Trading.Core.Model.Symbol;
using Trading.Services.Execution;

namespace Trading.Cli.Commands.Order;

/// <summary>
/// <c>trading order buy|sell --symbol BTCUSDT --quantity 0.01 [--price 70000]</c>: a market order, or a limit order
/// when a price is given, through the risk gate. A denial prints the reason and exits 1; in paper mode the order
/// is matched at once against the latest stored price, in the same step under the store's trading lock.
/// </summary>
public static class OrderPlaceCommand
{
    public const int DeniedExitCode = 1;

    /// <summary>The largest --quantity or --price accepted: any product of the two still fits a decimal with room for fees.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    public static Command Create(OrderSide side)
    {
        var symbol = new Option<string>("--symbol") { Description = "Symbol, e.g. BTCUSDT", Required = true };
        var quantity = new Option<decimal>("--quantity") { Description = "Quantity in the base asset", Required = true };
        var price = new Option<decimal?>("--price") { Description = "Limit price (omit for a market order)" };
        var name = side == OrderSide.Buy ? "buy" : "sell";
        var command = new Command(name, $"Place a {name} order (limit when --price is given)");
        foreach (var option in new Option[] { symbol, quantity, price, ExecutorSession.ConfirmLive }) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            if (!Symbol.TryParse(parse.GetValue(symbol), out var parsedSymbol))
                return Fail($"invalid symbol '{parse.GetValue(symbol)}': expected letters and digits such as BTCUSDT");
            var qty = parse.GetValue(quantity);
            if (qty is <= 0 or > MaxAmount) return Fail($"--quantity must be above 0 and at most {MaxAmount:N0}, got {qty}");
            var limit = parse.GetValue(price);
            if (limit is <= 0 or > MaxAmount) return Fail($"--price must be above 0 and at most {MaxAmount:N0}, got {limit}");
            return await ExecutorSession.RunAsync(parse, ct, async (store, executor) =>
            {
                var request = ExecutionRequest.Manual(parsedSymbol, side, qty, limit);
                var outcome = await ManualOrders.PlaceAsync(store, executor, request, TimeProvider.System, ct);
                if (outcome.IsDenied)
                {
                    await Console.Error.WriteLineAsync($"error: order denied by the risk gate: {outcome.Reason}");
                    return DeniedExitCode;
                }
                var order = outcome.Order;
                if (order is not null && await OrderFailures.CauseAsync(store, order, ct) is { } cause)
                {
                    await Console.Error.WriteLineAsync($"error: order {order.Id} {order.Status.ToString().ToUpperInvariant()}: {cause}");
                    return DeniedExitCode;
                }
                Console.WriteLine(order is null ? outcome.Reason : OrderTable.Describe(order));
                return 0;
            });
        });
        return command;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return TradingCli.UsageError;
    }
}
