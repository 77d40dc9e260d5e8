using Shouldly;
using Trading.Core.Model;
using Trading.Core.Portfolio;

namespace Trading.Core.Tests.Portfolio;

/// <summary>Worked by hand: average cost with buy fees in the basis, realised PnL net of fees, equity, daily PnL, drawdown.</summary>
public class PortfolioAccountTests
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly DateTimeOffset Day1 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private int _fills;

    private Fill Fill(OrderSide side, decimal quantity, decimal price, decimal fee, int hour = 1, string feeAsset = "USDT") => new()
    {
        Id = $"f{++_fills}", OrderId = "o", Symbol = Btc, Side = side, Price = price, Quantity = quantity,
        Fee = fee, FeeAsset = feeAsset, Time = Day1.AddHours(hour),
    };

    [Fact]
    public void Apply_BuysThenPartialAndFullSells_AverageCostAndRealisedNetOfFees()
    {
        var account = new PortfolioAccount(10_000m, Day1);

        account.Apply(Fill(OrderSide.Buy, 2m, 100m, 0.2m));
        account.Cash.ShouldBe(9_799.8m);
        account.GetPosition(Btc).AverageEntryPrice.ShouldBe(100.1m);   // (200 + 0.2) / 2

        account.Apply(Fill(OrderSide.Buy, 1m, 130m, 0.13m));
        account.GetPosition(Btc).AverageEntryPrice.ShouldBe(110.11m);  // 330.33 / 3

        account.Apply(Fill(OrderSide.Sell, 1m, 120m, 0.12m));
        account.RealizedPnl.ShouldBe(9.77m);                           // 119.88 − 110.11
        account.Cash.ShouldBe(9_789.55m);
        account.GetPosition(Btc).Quantity.ShouldBe(2m);
        account.GetPosition(Btc).AverageEntryPrice.ShouldBe(110.11m);  // a sale does not move the average

        account.Mark(Btc, 125m, Day1.AddHours(2));
        account.UnrealizedPnl.ShouldBe(29.78m);                        // 250 − 220.22
        account.Equity.ShouldBe(10_039.55m);
        (account.Equity - account.InitialCash).ShouldBe(account.RealizedPnl + account.UnrealizedPnl);

        account.Apply(Fill(OrderSide.Sell, 2m, 100m, 0.2m, hour: 3));
        account.RealizedPnl.ShouldBe(-10.65m);                         // 9.77 + (199.8 − 220.22)
        account.Cash.ShouldBe(9_989.35m);
        account.Equity.ShouldBe(account.InitialCash + account.RealizedPnl);
        account.FeesPaid.ShouldBe(0.65m);
        account.OpenPositionCount.ShouldBe(0);
        account.GetPosition(Btc).AverageEntryPrice.ShouldBe(0m);
    }

    [Fact]
    public void Apply_SellMoreThanHeld_ThrowsAndChangesNothing()
    {
        var account = new PortfolioAccount(1_000m, Day1);
        account.Apply(Fill(OrderSide.Buy, 3m, 100m, 0m));

        Should.Throw<PortfolioException>(() => account.Apply(Fill(OrderSide.Sell, 3.001m, 100m, 0m))).Message.ShouldContain("cannot go short");

        (account.Cash, account.Quantity(Btc), account.RealizedPnl).ShouldBe((700m, 3m, 0m));
    }

    [Fact]
    public void Apply_BuyCostingMoreThanCash_ThrowsAndChangesNothing()
    {
        var account = new PortfolioAccount(100m, Day1);

        Should.Throw<PortfolioException>(() => account.Apply(Fill(OrderSide.Buy, 1m, 100m, 0.1m)));

        (account.Cash, account.Quantity(Btc)).ShouldBe((100m, 0m));
    }

    [Fact]
    public void Apply_FeeInBaseAsset_ReducesQuantityAndKeepsCost()
    {
        var account = new PortfolioAccount(1_000m, Day1);

        account.Apply(Fill(OrderSide.Buy, 1m, 100m, 0.001m, feeAsset: "BTC"));

        account.Quantity(Btc).ShouldBe(0.999m);
        account.Cash.ShouldBe(900m);
        account.FeesPaid.ShouldBe(0.1m);
        account.GetPosition(Btc).AverageEntryPrice.ShouldBe(100m / 0.999m);
    }

    [Fact]
    public void Mark_AcrossDays_DailyPnlAndDrawdownFromPeak()
    {
        var account = new PortfolioAccount(1_000m, Day1);
        account.Apply(Fill(OrderSide.Buy, 1m, 100m, 0m, hour: 10));

        account.Mark(Btc, 150m, Day1.AddHours(12));
        account.Mark(Btc, 120m, Day1.AddHours(23));
        account.PeakEquity.ShouldBe(1_050m);
        account.DailyPnl.ShouldBe(20m);
        account.Drawdown.ShouldBe(30m / 1_050m);

        account.Mark(Btc, 110m, Day1.AddHours(25));
        account.DayStartEquity.ShouldBe(1_020m);   // equity when the UTC day began
        account.DailyPnl.ShouldBe(-10m);
        account.Drawdown.ShouldBe(40m / 1_050m);

        var snapshot = account.Snapshot("bot1");
        snapshot.ShouldBe(new PortfolioSnapshot
        {
            Time = Day1.AddHours(25), Equity = 1_010m, Cash = 900m, PositionsValue = 110m, RealizedPnl = 0m,
            UnrealizedPnl = 10m, DailyPnl = -10m, Drawdown = 40m / 1_050m, BotId = "bot1",
        });
    }

    [Fact]
    public void Mark_NonPositivePrice_Throws()
    {
        Should.Throw<PortfolioException>(() => new PortfolioAccount(1m, Day1).Mark(Btc, 0m, Day1));
    }

    [Fact]
    public void OpenPositions_ListsOnlyHeldSymbols()
    {
        var account = new PortfolioAccount(1_000m, Day1);
        account.Mark(new Symbol("ETHUSDT"), 10m, Day1);
        account.Apply(Fill(OrderSide.Buy, 1m, 100m, 0m));

        account.OpenPositions().Select(p => p.Symbol).ShouldBe([Btc]);
    }

    [Fact]
    public void Mark_KnownSymbol_AllocatesNothing()
    {
        var account = new PortfolioAccount(1_000m, Day1);
        account.Apply(Fill(OrderSide.Buy, 1m, 100m, 0m));
        account.Mark(Btc, 100m, Day1.AddHours(2));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++) account.Mark(Btc, 100m + i, Day1.AddHours(2).AddMinutes(i));

        GC.GetAllocatedBytesForCurrentThread().ShouldBe(before);
        account.Equity.ShouldBe(900m + 1_099m);
    }

    [Fact]
    public void Apply_SameFillTwice_BookedOnce()
    {
        var account = new PortfolioAccount(1_000m, Day1);
        var fill = Fill(OrderSide.Buy, 1m, 100m, 0.1m);

        account.Apply(fill).ShouldBeTrue();
        account.Apply(fill).ShouldBeFalse();

        (account.Cash, account.Quantity(Btc)).ShouldBe((899.9m, 1m));
    }
}
