using Shouldly;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Portfolio;
using Trading.Core.Risk;
using Trading.Core.Tests.Risk;

namespace Trading.Core.Tests.Execution;

/// <summary>
/// Random orders through the execution kernel into the simulated venue, with protective exits, fills into the portfolio: balances never go
/// negative, and the portfolio's books equal the venue's account to the last unit.
/// </summary>
public class VenueAccountConsistencyTests
{
    private static readonly SymbolFilters Filters = new() { TickSize = 0.01m, StepSize = 0.001m, MinQuantity = 0.001m, MinNotional = 5m };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomSession_PortfolioMatchesVenueAndNothingGoesNegative(int seed)
    {
        var random = new Random(seed);
        var symbol = Orders.BtcUsdt;
        var clock = new ManualClock(Orders.T0);
        var account = new PortfolioAccount(1_000m, Orders.T0);
        var market = new MarketState(account, clock);
        market.SetFilters(symbol, Filters);
        var gate = new RiskGate(new RiskLimits { MaxPositionFraction = 1m, PriceMoveGuardPct = null, MaxDrawdownPct = 100m, DailyLossLimitPct = 100m });
        var kernel = new ExecutionKernel(market, gate);
        var venue = new SimulatedVenue(new FillModel(new FillModelOptions { SlippageBps = 5m }), 1_000m);
        venue.AddSymbol(symbol, Filters);
        var updates = new List<VenueUpdate>();
        var price = 100m;
        var fills = 0;

        for (var minute = 0; minute < 2_000; minute++)
        {
            var open = price;
            price = Math.Max(1m, Math.Round(price * (1m + (decimal)(random.NextDouble() - 0.5) * 0.02m), 2));
            var bar = new Candle(symbol, Timeframe.M1, Orders.T0.AddMinutes(minute).ToUnixTimeMilliseconds(), open,
                Math.Max(open, price) + 0.5m, Math.Max(0.5m, Math.Min(open, price) - 0.5m), price, 1m);
            clock.Now = bar.CloseTime;

            venue.OnCandle(bar, updates);
            foreach (var update in updates)
            {
                if (update.Fill is { } fill && kernel.Book(fill)) fills++;
                kernel.Track(update.Order);
            }
            updates.Clear();
            kernel.Settle(symbol);
            if (kernel.TryTriggerExit(bar, out var trigger))
            {
                venue.FillExit(trigger.ToOrder($"x{minute}", $"x{minute}", OrderStatus.Submitted), trigger, updates);
                foreach (var update in updates)
                {
                    kernel.Track(update.Order);
                    if (update.Fill is { } fill && kernel.Book(fill)) fills++;
                }
                updates.Clear();
            }
            account.Mark(symbol, bar.Close, bar.CloseTime);

            venue.QuoteBalance.ShouldBeGreaterThanOrEqualTo(0m);
            venue.BaseBalance(symbol).ShouldBeGreaterThanOrEqualTo(0m);
            account.Cash.ShouldBe(venue.QuoteBalance);
            account.Quantity(symbol).ShouldBe(venue.BaseBalance(symbol));

            if (random.Next(3) != 0) continue;
            var side = random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
            var quantity = side == OrderSide.Buy ? (decimal)random.NextDouble() * 8m : account.Quantity(symbol) * (decimal)random.NextDouble() * 1.2m;
            decimal? limit = random.Next(2) == 0 ? price * (side == OrderSide.Buy ? 0.995m : 1.005m) : null;
            var intent = new OrderIntent(symbol, side, quantity, limit, StopLoss: price * 0.98m, TakeProfit: price * 1.03m);
            var decision = kernel.Decide(intent, out _);
            if (!decision.IsAllowed) continue;

            var order = new Order
            {
                Id = $"o{minute}", ClientOrderId = $"c{minute}", Symbol = symbol, Side = side, Type = limit is null ? OrderType.Market : OrderType.Limit,
                Price = limit is null ? null : decision.Price, Quantity = decision.Quantity, CreatedAt = clock.Now,
            };
            var accepted = venue.Submit(OrderStateMachine.Submit(order, clock.Now).Order, clock.Now);
            if (side == OrderSide.Buy && random.Next(4) == 0) kernel.Submitted(accepted.Order, intent, clock.Now);
            else kernel.Track(accepted.Order);
        }

        fills.ShouldBeGreaterThan(100);
        account.Cash.ShouldBe(venue.QuoteBalance);
        account.Quantity(symbol).ShouldBe(venue.BaseBalance(symbol));
    }
}
